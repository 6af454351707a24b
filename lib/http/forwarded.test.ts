import { describe, expect, it } from "vitest";
import { clientInfoFromHeaders } from "./client-info";
import { forwardedFor, forwardedProto } from "./forwarded";

function clientIp(claimed: string | undefined, socket: string, hops: number) {
  const xff = forwardedFor(claimed, socket, hops);
  return clientInfoFromHeaders(new Headers(xff ? { "x-forwarded-for": xff } : {}), hops).ip;
}

describe("client address", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIp("6.6.6.6", "203.0.113.5", 0)).toBe("203.0.113.5");
  });
  it("behind one trusted proxy, takes what that proxy saw, not what the client claimed", () => {
    // the client forged "6.6.6.6"; the proxy appended the real client 198.51.100.7
    expect(clientIp("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
  });
  it("has no forwarded header without a socket address", () => {
    expect(forwardedFor("1.2.3.4", undefined, 0)).toBeUndefined();
  });
});

describe("request protocol", () => {
  it("ignores a forged X-Forwarded-Proto when no proxy is trusted", () => {
    expect(forwardedProto("https", false, 0)).toBe("http");
    expect(forwardedProto(undefined, true, 0)).toBe("https");
  });
  it("behind a trusted proxy, takes what the nearest one set", () => {
    expect(forwardedProto("https", false, 1)).toBe("https");
    expect(forwardedProto("http", false, 1)).toBe("http");
    // the client claimed https, the proxy (which appends) saw http
    expect(forwardedProto("https, http", false, 1)).toBe("http");
    expect(forwardedProto(["HTTPS"], false, 2)).toBe("https");
  });
  it("is http when the proxy set nothing or nonsense", () => {
    expect(forwardedProto(undefined, false, 1)).toBe("http");
    expect(forwardedProto("javascript", false, 1)).toBe("http");
  });
});
