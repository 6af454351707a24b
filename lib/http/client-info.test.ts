import { describe, expect, it } from "vitest";
import { clientInfoFromHeaders } from "./client-info";

const h = (o: Record<string, string>) => new Headers(o);

describe("clientInfoFromHeaders", () => {
  it("takes the socket address Next.js put in X-Forwarded-For", () => {
    expect(
      clientInfoFromHeaders(h({ "x-forwarded-for": "::ffff:10.0.0.7", "user-agent": "UA" }), 0),
    ).toEqual({
      ip: "10.0.0.7",
      userAgent: "UA",
    });
  });
  it("counts trusted proxy hops from the right", () => {
    const headers = h({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3" });
    expect(clientInfoFromHeaders(headers, 0).ip).toBe("3.3.3.3");
    expect(clientInfoFromHeaders(headers, 1).ip).toBe("2.2.2.2");
    expect(clientInfoFromHeaders(headers, 9).ip).toBe("1.1.1.1");
  });
  it("has no IP when nothing says it", () => {
    expect(clientInfoFromHeaders(h({}), 0)).toEqual({ ip: null, userAgent: null });
  });
});
