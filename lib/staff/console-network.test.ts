import { describe, expect, it } from "vitest";
import { addressAllowed, consoleReachableFrom, parseConsoleCidrs } from "./console-network";

describe("KUAIJI_CONSOLE_ALLOW_CIDRS", () => {
  it("unset or empty allows any address", () => {
    expect(parseConsoleCidrs(undefined)).toBeNull();
    expect(parseConsoleCidrs(" , ")).toBeNull();
    expect(consoleReachableFrom("203.0.113.9", {})).toBe(true);
    expect(consoleReachableFrom(null, {})).toBe(true);
  });

  it("allows the configured IPv4 and IPv6 ranges and single addresses only", () => {
    const list = parseConsoleCidrs("10.0.0.0/8, 192.168.10.0/24, 2001:db8::/32, 203.0.113.7");
    expect(addressAllowed(list, "10.20.30.40")).toBe(true);
    expect(addressAllowed(list, "192.168.10.255")).toBe(true);
    expect(addressAllowed(list, "192.168.11.1")).toBe(false);
    expect(addressAllowed(list, "2001:db8:1::5")).toBe(true);
    expect(addressAllowed(list, "2001:db9::5")).toBe(false);
    expect(addressAllowed(list, "203.0.113.7")).toBe(true);
    expect(addressAllowed(list, "203.0.113.8")).toBe(false);
    // an address the request did not tell is not inside any range
    expect(addressAllowed(list, null)).toBe(false);
    expect(addressAllowed(list, "not-an-ip")).toBe(false);
  });

  it("refuses a malformed entry instead of ignoring it", () => {
    for (const bad of ["10.0.0.0/33", "10.0.0/8", "intranet", "10.0.0.0/8/1", "::1/129"])
      expect(() => parseConsoleCidrs(bad)).toThrow(/KUAIJI_CONSOLE_ALLOW_CIDRS/);
  });

  it("follows a changed configuration", () => {
    expect(consoleReachableFrom("10.1.1.1", { KUAIJI_CONSOLE_ALLOW_CIDRS: "10.0.0.0/8" })).toBe(
      true,
    );
    expect(consoleReachableFrom("10.1.1.1", { KUAIJI_CONSOLE_ALLOW_CIDRS: "172.16.0.0/12" })).toBe(
      false,
    );
  });
});
