// Next.js 16 proxy (formerly middleware): gives every request an `x-request-id`, forwarded to
// route handlers / server components on the request headers (read it with
// `(await headers()).get("x-request-id")` and pass it to `childLogger({ requestId })`) and
// returned on the response so a user's report can be matched with the logs. On the national
// exchange (KUAIJI_ROLE=hub) it answers every path but the hub's own with 404 (lib/http/hub-only.ts).
// It also gives every response its Content-Security-Policy with a fresh nonce — on the request
// too, where Next.js reads the nonce and writes it into the scripts of the page it renders — and
// Strict-Transport-Security over https (lib/http/security-headers.ts).
import { NextResponse, type NextRequest } from "next/server";
import { HUB_ONLY, hubRefuses } from "@/lib/http/hub-only";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import {
  contentSecurityPolicy,
  CSP_HEADER,
  HSTS_HEADER,
  newNonce,
  requestIsHttps,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

const PATH_HEADER = "x-kuaiji-path";

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const https = requestIsHttps(request.headers);
  const policy = contentSecurityPolicy(
    { nonce: newNonce() },
    { dev: process.env.NODE_ENV === "development", https },
  );
  const hsts = strictTransportSecurity(https);
  const secure = (response: NextResponse) => {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    response.headers.set(CSP_HEADER, policy);
    if (hsts) response.headers.set(HSTS_HEADER, hsts);
    return response;
  };
  if (hubRefuses(request.nextUrl.pathname, process.env)) {
    return secure(
      new NextResponse(HUB_ONLY, {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    );
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(CSP_HEADER, policy);
  // Layouts cannot see the path; the login redirect needs it to send the user back here.
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return secure(NextResponse.next({ request: { headers } }));
}

export const config = {
  // everything but build assets and static metadata files
  matcher: [
    // Uploads skip the proxy: it would buffer the whole body before the route can refuse it by
    // its declared size (the route makes its own request id).
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml|api/attachments$|api/appeal-photos$).*)",
  ],
};
