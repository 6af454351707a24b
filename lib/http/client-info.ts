import type { RequestContext } from "@/lib/audit/audit";

/**
 * The caller's IP and user agent from request headers.
 *
 * Our server (scripts/next-server.ts) rewrites X-Forwarded-For from the socket address, so a
 * client cannot forge it (lib/http/forwarded.ts). KUAIJI_TRUSTED_PROXY_HOPS counts reverse
 * proxies in front that append to it: we take the entry that many places from the right.
 */
export function clientInfoFromHeaders(
  headers: { get(name: string): string | null },
  hops: number = Number(process.env.KUAIJI_TRUSTED_PROXY_HOPS ?? 0),
): RequestContext {
  const forwarded = headers.get("x-forwarded-for");
  const chain = forwarded
    ? forwarded
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const index = Math.max(0, chain.length - 1 - (Number.isFinite(hops) ? hops : 0));
  const ip = chain[index] ?? null;
  return { ip: ip ? normaliseIp(ip) : null, userAgent: headers.get("user-agent") };
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) and plain IPv4 must count as the same client. */
function normaliseIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
