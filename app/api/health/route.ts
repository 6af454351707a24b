// Liveness: the Node.js process serves requests. Touches nothing else (see /api/ready).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
