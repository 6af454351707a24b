// Next.js 16 proxy (formerly middleware): gives every request an `x-request-id`, forwarded to
// route handlers / server components on the request headers (read it with
// `(await headers()).get("x-request-id")` and pass it to `childLogger({ requestId })`) and
// returned on the response so a user's report can be matched with the logs. On the national
// exchange (KUAIJI_ROLE=hub) it answers every path but the hub's own with 404 (lib/http/hub-only.ts).
import { NextResponse, type NextRequest } from "next/server";
import { HUB_ONLY, hubRefuses } from "@/lib/http/hub-only";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";

const PATH_HEADER = "x-kuaiji-path";

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  if (hubRefuses(request.nextUrl.pathname, process.env)) {
    return new NextResponse(HUB_ONLY, {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId },
    });
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // Layouts cannot see the path; the login redirect needs it to send the user back here.
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // everything but build assets and static metadata files
  matcher: [
    // Uploads skip the proxy: it would buffer the whole body before the route can refuse it by
    // its declared size (the route makes its own request id).
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml|api/attachments$|api/appeal-photos$).*)",
  ],
};
