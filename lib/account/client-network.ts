import "server-only";
import { isIPv4, isIPv6 } from "node:net";

// Who an attempt comes from, as the limits count it: the client, and the network it sits in. An
// IPv4 client is its address, in its /24. An IPv6 client is its /64 — what one subscriber or one
// cloud host is given, so hopping addresses inside it is still one client — in its /48. No address at all (a request that reached the
// app without the server's X-Forwarded-For) is one shared bucket, never a free pass.

export const UNKNOWN_CLIENT = "unknown";

export interface ClientKeys {
  address: string;
  network: string;
}

export function clientKeys(ip: string | null): ClientKeys {
  if (ip && isIPv4(ip)) {
    return { address: ip, network: `${ip.split(".").slice(0, 3).join(".")}.0/24` };
  }
  if (ip && isIPv6(ip)) {
    const groups = expandIpv6(ip);
    return {
      address: `${groups.slice(0, 4).join(":")}::/64`,
      network: `${groups.slice(0, 3).join(":")}::/48`,
    };
  }
  return { address: UNKNOWN_CLIENT, network: UNKNOWN_CLIENT };
}

/** Eight 4-digit lower-case groups, so every spelling of one address is one key. */
function expandIpv6(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const left = part(head);
  const right = part(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4 is normalised earlier; others are rare) is two groups.
  const last = right.length > 0 ? right : left;
  const v4 = last.at(-1);
  if (v4 && isIPv4(v4)) {
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    last.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => g.padStart(4, "0"));
}
