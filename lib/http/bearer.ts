import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

// Operator routes take `Authorization: Bearer <secret>`: the cron route (/api/jobs/run, Vercel Cron
// with $CRON_SECRET), the details of /api/ready ($KUAIJI_OPS_TOKEN) and /api/metrics
// ($KUAIJI_METRICS_TOKEN).

/** A guessable secret is refused like a missing one. */
export const MIN_BEARER_SECRET_LENGTH = 16;

/** Whether the Authorization header carries the secret; never without a secret configured. */
export function bearerAuthorized(
  authorization: string | null,
  secret: string | undefined,
): boolean {
  if (!secret || secret.length < MIN_BEARER_SECRET_LENGTH) return false;
  if (!authorization?.startsWith("Bearer ")) return false;
  // Digests of equal length, so the comparison time says nothing about the secret.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(authorization.slice("Bearer ".length)), digest(secret));
}
