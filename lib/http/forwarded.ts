/**
 * The X-Forwarded-For a request should carry once it reaches Next.js. Next.js itself keeps a
 * client-sent header (it only fills it in when absent), so our server sets it: with no trusted
 * proxy the socket address replaces whatever the client claimed; behind `hops` proxies that
 * append, the socket address (the nearest proxy) is appended and lib/http/client-info.ts counts
 * back from the right.
 */
export function forwardedFor(
  existing: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string | undefined {
  if (!socketAddress) return undefined;
  if (hops <= 0) return socketAddress;
  const prior = (Array.isArray(existing) ? existing.join(",") : (existing ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return [...prior, socketAddress].join(", ");
}

/**
 * The X-Forwarded-Proto a request should carry once it reaches Next.js, which likewise keeps a
 * client-sent one. With no trusted proxy it is the socket's own protocol; behind `hops` proxies,
 * what the nearest one set (the last entry, should a proxy append rather than replace).
 * proxy.ts sends Strict-Transport-Security by it (lib/http/security-headers.ts).
 */
export function forwardedProto(
  existing: string | string[] | undefined,
  socketEncrypted: boolean,
  hops: number,
): "http" | "https" {
  if (hops <= 0) return socketEncrypted ? "https" : "http";
  const last = (Array.isArray(existing) ? existing.join(",") : (existing ?? ""))
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .at(-1);
  return last === "https" ? "https" : "http";
}
