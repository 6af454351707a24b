import { describe, expect, it } from "vitest";
import { clientKeys, UNKNOWN_CLIENT } from "./client-network";

describe("clientKeys", () => {
  it("puts an IPv4 address in its /24", () => {
    expect(clientKeys("203.0.113.77")).toEqual({
      address: "203.0.113.77",
      network: "203.0.113.0/24",
    });
  });

  it("counts an IPv6 client by its /64 (every address in it, every spelling), in its /48", () => {
    const a = clientKeys("2001:db8::1");
    expect(a).toEqual({
      address: "2001:0db8:0000:0000::/64",
      network: "2001:0db8:0000::/48",
    });
    expect(clientKeys("2001:DB8:0:0:0:0:0:1")).toEqual(a);
    expect(clientKeys("2001:db8::8:800:200c:417a")).toEqual(a);
    expect(clientKeys("2001:db8:0:1::1").address).toBe("2001:0db8:0000:0001::/64");
    expect(clientKeys("2001:db8:0:1::1").network).toBe(a.network);
    expect(clientKeys("::1").address).toBe("0000:0000:0000:0000::/64");
    expect(clientKeys("64:ff9b:1:2:3:4:192.0.2.33").address).toBe("0064:ff9b:0001:0002::/64");
  });

  it("counts a missing or malformed address as one shared client", () => {
    const shared = { address: UNKNOWN_CLIENT, network: UNKNOWN_CLIENT };
    expect(clientKeys(null)).toEqual(shared);
    expect(clientKeys("")).toEqual(shared);
    expect(clientKeys("not-an-ip")).toEqual(shared);
  });
});
