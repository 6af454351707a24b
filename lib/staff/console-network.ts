import "server-only";
import { BlockList, isIP } from "node:net";

// The console may be restricted to the finance departments' own networks (GB/T 22239 level 3
// asks for access control by address): KUAIJI_CONSOLE_ALLOW_CIDRS, a comma-separated list such as
// "10.0.0.0/8, 192.168.10.0/24, 2001:db8::/32". Unset or empty: any address. The address judged
// is the client's as lib/http/client-info.ts derives it (X-Forwarded-For set by our own server).

type Env = Record<string, string | undefined>;

export const CONSOLE_NETWORK_REFUSED =
  "当前网络不在财政部门管理端允许的地址范围内，请在单位网络中登录，或联系本单位平台管理员";

/** The ranges, or null for "any address". Throws on a malformed entry: a typo must not open up. */
export function parseConsoleCidrs(raw: string | undefined): BlockList | null {
  const entries = (raw ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (!family || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(
        `KUAIJI_CONSOLE_ALLOW_CIDRS 中的“${entry}”不是有效的地址段（如 10.0.0.0/8）/ not a valid CIDR`,
      );
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** Whether `ip` lies in the ranges; an unknown address does not, once ranges are configured. */
export function addressAllowed(list: BlockList | null, ip: string | null): boolean {
  if (!list) return true;
  if (!ip) return false;
  const family = isIP(ip);
  if (family === 4) return list.check(ip, "ipv4");
  if (family === 6) return list.check(ip, "ipv6");
  return false;
}

let cached: { raw: string | undefined; list: BlockList | null } | null = null;

/** Whether the console answers a request from `ip`, by this process's configuration. */
export function consoleReachableFrom(ip: string | null, env: Env = process.env): boolean {
  const raw = env.KUAIJI_CONSOLE_ALLOW_CIDRS;
  if (!cached || cached.raw !== raw) cached = { raw, list: parseConsoleCidrs(raw) };
  return addressAllowed(cached.list, ip);
}
