// Counts and times every HTTP request at the Node server in front of Next.js
// (scripts/next-server.ts): the one place that sees pages, actions, routes and assets alike.
// Plain Node (no "server-only"), see registry.ts.
import { metrics } from "./registry";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

interface ObservedRequest {
  url?: string;
  method?: string;
}
interface ObservedResponse {
  statusCode: number;
  once(event: "close", listener: () => void): unknown;
}

/** "2xx", "4xx", …: one series per class rather than per code. */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}

/** Records the request when its response is done (sent, or the client went away). */
export function observeRequest(
  req: ObservedRequest,
  res: ObservedResponse,
  routeOf: (url: string) => string,
): void {
  const started = performance.now();
  res.once("close", () => {
    const labels = {
      route: routeOf(req.url ?? "/"),
      method: req.method && METHODS.has(req.method) ? req.method : "OTHER",
      status: statusClass(res.statusCode),
    };
    const m = metrics();
    m.httpRequests.inc(labels);
    m.httpDuration.observe(labels, (performance.now() - started) / 1000);
  });
}
