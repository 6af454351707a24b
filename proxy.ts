// Next.js 16 proxy (formerly middleware): gives every request an `x-request-id`, forwarded to
// route handlers / server components on the request headers (read it with
// `(await headers()).get("x-request-id")` and pass it to `childLogger({ requestId })`) and
// returned on the response so a user's report can be matched with the logs. On the national
// exchange (KUAIJI_ROLE=hub) it answers every path but the hub's own with 404 (lib/http/hub-only.ts).
// It also gives every response its Content-Security-Policy with a fresh nonce — on the request
// too, where Next.js reads the nonce and writes it into the scripts of the page it renders — and
// Strict-Transport-Security over https (lib/http/security-headers.ts). A page's request is then
// handed to next-intl's middleware, which rewrites it to app/[locale]/… by the locale cookie
// (i18n/routing.ts; the URL the browser shows never changes): the console always to 简体中文.
import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/i18n/routing";
import { DEFAULT_LOCALE, isChineseOnlyPath } from "@/lib/i18n/locales";
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

const localised = createMiddleware(routing);
const chineseOnly = createMiddleware({
  ...routing,
  locales: [DEFAULT_LOCALE],
  localeCookie: false,
  localeDetection: false,
});

/** Pages (and the route handlers beside them) live under app/[locale]; the rest does not. */
function isPagePath(pathname: string): boolean {
  if (/^\/(api|_next)(\/|$)/.test(pathname)) return false;
  // metadata and stylesheet routes (/manifest.webmanifest, /icon.svg, /elder-mode.css)
  return !pathname.slice(pathname.lastIndexOf("/")).includes(".");
}

/**
 * The request next-intl decides on: ours, with its headers (request id, policy, path), its
 * Accept-Language replaced by the default — the locale is the one the person chose
 * (lib/i18n/locales.ts), never guessed, and someone who chose nothing gets no cookie.
 */
function withLocale(request: NextRequest, headers: Headers): NextResponse {
  const decide = new Headers(headers);
  decide.set("accept-language", DEFAULT_LOCALE);
  const forIntl = new NextRequest(request.url, { headers: decide, method: request.method });
  const pathname = request.nextUrl.pathname;
  return (isChineseOnlyPath(pathname) ? chineseOnly : localised)(forIntl);
}

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
  if (!isPagePath(request.nextUrl.pathname))
    return secure(NextResponse.next({ request: { headers } }));
  return secure(withLocale(request, headers));
}

export const config = {
  // everything but build assets and static metadata files
  matcher: [
    // Uploads skip the proxy: it would buffer the whole body before the route can refuse it by
    // its declared size (the route makes its own request id).
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml|api/attachments$|api/appeal-photos$).*)",
  ],
};
