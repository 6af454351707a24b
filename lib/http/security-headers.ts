// The platform's security headers, decided here and nowhere else:
//
//   next.config.ts            the fixed ones, on every path (fixedSecurityHeaders)
//   proxy.ts                  per request: the Content-Security-Policy with a fresh nonce, and
//                             Strict-Transport-Security when the request came over https
//   scripts/next-server.ts    a prerendered page (the portal, 通知公告, the login pages) was
//                             rendered before any request, so it carries no nonce: its policy
//                             allows the hashes of its own inline scripts instead
//                             (lib/http/security-headers-prerendered.ts)
//
// No script-src ever holds 'unsafe-inline': an injected <script> or event handler does not run.
// Plain TypeScript without imports: the proxy, next.config.ts and the plain-Node server load it.

export const CSP_HEADER = "content-security-policy";
export const HSTS_HEADER = "strict-transport-security";

/** Which inline scripts a page may run: its request's nonce, or the hashes of its own scripts. */
export type ScriptPermit = { nonce: string } | { hashes: readonly string[] };

/** How the response travels: `next dev` (React's debugging needs eval) and over https or not. */
export type Delivery = { dev: boolean; https: boolean };

/** 128 random bits, base64: a nonce Next.js reads back from the policy (`'nonce-…'`). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The Content-Security-Policy of a page.
 *
 * script-src: a page rendered for this request runs what carries its nonce, and what those
 * scripts load ('strict-dynamic': the bundler's chunk loader); a prerendered page runs its own
 * inline scripts by hash and the bundles from this origin ('self'). `'unsafe-eval'` only under
 * `next dev`, where React rebuilds server stacks in the browser with eval.
 *
 * style-src keeps 'unsafe-inline' (see README, Security): React writes style attributes into the
 * server's HTML (chart heights, the upload's progress bar), ECharts' tooltip is HTML with style
 * attributes, and the photo dialog's scroll lock (react-remove-scroll) adds a <style> element
 * with measured values, which no hash can name. Injected CSS cannot send anything away: images,
 * fonts and connections are limited to this origin.
 *
 * img-src allows data: (the captcha is an SVG data: URL in an <img>, which runs no script) and
 * blob: (the headshot cropper previews the chosen file) on every page, because a policy holds
 * for the whole visit: a client-side navigation from the portal to 登录 keeps the portal's.
 */
export function contentSecurityPolicy(permit: ScriptPermit, delivery: Delivery): string {
  const script =
    "nonce" in permit
      ? ["'self'", `'nonce-${permit.nonce}'`, "'strict-dynamic'"]
      : ["'self'", ...permit.hashes.map((h) => `'${h}'`)];
  if (delivery.dev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(delivery.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Strict-Transport-Security, only for a response that travels over https (a browser ignores it
 * over http anyway, and the embedded default serves http://localhost). One year; subdomains are
 * the operator's to include, they may serve other systems.
 */
export function strictTransportSecurity(https: boolean): string | null {
  return https ? "max-age=31536000" : null;
}

/**
 * Whether the request reached us over https. `npm start` (scripts/next-server.ts) sets
 * X-Forwarded-Proto from the socket, or from the nearest trusted proxy
 * (KUAIJI_TRUSTED_PROXY_HOPS, lib/http/forwarded.ts), so a client cannot claim it.
 */
export function requestIsHttps(headers: { get(name: string): string | null }): boolean {
  return headers.get("x-forwarded-proto") === "https";
}

/**
 * Headers every response carries, whatever the path (next.config.ts). Permissions-Policy turns
 * off what the platform never uses; photos come from a file input, which opens the system's
 * picker or camera app and needs no camera permission.
 */
export function fixedSecurityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: [
        "camera=()",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "hid=()",
        "display-capture=()",
        "screen-wake-lock=()",
        "publickey-credentials-get=()",
      ].join(", "),
    },
  ];
}
