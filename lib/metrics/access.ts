import "server-only";
import { bearerAuthorized, MIN_BEARER_SECRET_LENGTH } from "@/lib/http/bearer";

/**
 * Who may read /api/metrics: nobody while KUAIJI_METRICS_TOKEN is unset or too short (the route
 * then does not exist: "absent", 404), else only `Authorization: Bearer <that token>`.
 */
export function metricsAccess(
  authorization: string | null,
  token: string | undefined,
): "absent" | "denied" | "granted" {
  if (!token || token.length < MIN_BEARER_SECRET_LENGTH) return "absent";
  return bearerAuthorized(authorization, token) ? "granted" : "denied";
}
