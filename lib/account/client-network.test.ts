import { describe, expect, it } from "vitest";
import { clientKeys, UNKNOWN_CLIENT } from "./client-network";

describe("clientKeys", () => {
  it("puts an IPv4 address in its /24", () => {
    expect(clientKeys("203.0.113.77")).toEqual({
      address: "203.0.113.77",
      network: "203.0.113.0/24",
    });
  });

  it("writes every spelling of an IPv6 address one way, in its /64", () => {
    const a = clientKeys("2001:db8::1");
    expect(a).toEqual({
      address: "2001:0db8:0000:0000:0000:0000:0000:0001",
      network: "2001:0db8:0000:0000::/64",
    });
    expect(clientKeys("2001:DB8:0:0:0:0:0:1")).toEqual(a);
    expect(clientKeys("2001:db8::8:800:200c:417a").network).toBe("2001:0db8:0000:0000::/64");
    expect(clientKeys("::1").address).toBe("0000:0000:0000:0000:0000:0000:0000:0001");
    expect(clientKeys("64:ff9b::192.0.2.33").address).toBe(
      "0064:ff9b:0000:0000:0000:0000:c000:0221",
    );
  });

  it("counts a missing or malformed address as one shared client", () => {
    const shared = { address: UNKNOWN_CLIENT, network: UNKNOWN_CLIENT };
    expect(clientKeys(null)).toEqual(shared);
    expect(clientKeys("")).toEqual(shared);
    expect(clientKeys("not-an-ip")).toEqual(shared);
  });
});
