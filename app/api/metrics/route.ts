// Prometheus metrics of this instance (lib/metrics): request rate and latency per route, server
// action outcomes, Prisma's pool, the job queues, the process. For the operator's scraper only:
// `Authorization: Bearer $KUAIJI_METRICS_TOKEN`; without that variable the route does not exist.
import { metricsAccess } from "@/lib/metrics/access";
import { scrape } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  const access = metricsAccess(
    request.headers.get("authorization"),
    process.env.KUAIJI_METRICS_TOKEN,
  );
  if (access === "absent") return new Response("Not Found", { status: 404, headers: NO_STORE });
  if (access === "denied")
    return new Response("Unauthorized", {
      status: 401,
      headers: { ...NO_STORE, "WWW-Authenticate": "Bearer" },
    });
  const { contentType, body } = await scrape();
  return new Response(body, { headers: { ...NO_STORE, "Content-Type": contentType } });
}
