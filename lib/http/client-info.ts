import type { RequestContext } from "@/lib/audit/audit";

/**
 * The caller's IP and user agent from request headers.
 *
 * `next start` sets X-Forwarded-For to the socket address only when the header is absent, so
 * behind a reverse proxy that proxy must overwrite it (nginx: `proxy_set_header
 * X-Forwarded-For $remote_addr`). KUAIJI_TRUSTED_PROXY_HOPS counts proxies that append
 * instead: we take the entry that many places from the right.
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
  const ip = chain[index] ?? headers.get("x-real-ip") ?? null;
  return { ip: ip ? normaliseIp(ip) : null, userAgent: headers.get("user-agent") };
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) and plain IPv4 must count as the same client. */
function normaliseIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
