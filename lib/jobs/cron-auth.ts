import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

// The cron route (/api/jobs/run) is called by Vercel Cron with `Authorization: Bearer
// $CRON_SECRET` (or by any scheduler an operator points at it, with the same header).

/** A guessable secret is refused like a missing one. */
export const MIN_CRON_SECRET_LENGTH = 16;

/** Whether the Authorization header carries the secret; never without a secret configured. */
export function cronAuthorized(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || secret.length < MIN_CRON_SECRET_LENGTH) return false;
  if (!authorization?.startsWith("Bearer ")) return false;
  // Digests of equal length, so the comparison time says nothing about the secret.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(authorization.slice("Bearer ".length)), digest(secret));
}
