// The national exchange (KUAIJI_ROLE=hub, lib/exchange/config.ts) is one build of this codebase
// but no platform: it has no accountants, no logins and no pages. It serves the exchange's API,
// its health, readiness and metrics, and the jobs endpoint — nothing else, so a hub never shows a
// portal or a login form to anyone who finds its address.
// The proxy cannot import lib/exchange/config.ts (server-only), so the role is read here the same
// way isHub reads it; hub-only.test.ts holds the two equal.
const HUB_SERVES = ["/api/exchange", "/api/ready", "/api/health", "/api/metrics", "/api/jobs"];
export const HUB_ONLY =
  "全国平台（交换中心）只提供交换接口 /api/exchange/v1（见 docs/exchange/openapi.yaml）。\n" +
  "This is the national exchange: it serves /api/exchange/v1 only.\n";

/** True when this instance is the hub and the path is none of the hub's. */
export function hubRefuses(
  pathname: string,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return (
    env.KUAIJI_ROLE?.trim() === "hub" &&
    !HUB_SERVES.some((p) => pathname === p || pathname.startsWith(`${p}/`))
  );
}
