import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { fixedSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite, argon2 and pino load native code or files by URL: keep them out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "pino",
    "sharp",
    "svg-captcha",
    "exceljs",
    "pg-boss", // the job worker (lib/jobs): loaded as installed, with its own pg and cron parser
    "pdfkit", // lib/pdf: reads its font metrics from its own files; our CJK font is read by path
  ],
  poweredByHeader: false,
  experimental: {
    // Static pages (ISR) and the data they are built from (lib/cache/published.ts) are kept in
    // memory only, at most cacheMaxMemorySize (50 MB, least recently used first out): a page
    // anyone can ask for (/notices/<any id>) must never become a file on disk, and after a
    // restart the database may be another one (the embedded default, a restore), so everything
    // is read again. What `next build` prerendered is still read from .next.
    isrFlushToDisk: false,
  },
  // Every path's fixed security headers; the Content-Security-Policy and HSTS are per request
  // (proxy.ts). All of them are decided in lib/http/security-headers.ts.
  async headers() {
    return [{ source: "/:path*", headers: fixedSecurityHeaders() }];
  },
};

// next-intl finds its request configuration (i18n/request.ts) through this plugin's alias.
// The messages (messages/<locale>/*.json) are compiled when the site is built: pages receive
// them parsed and the browser gets next-intl's small formatter instead of an ICU parser (9 kB
// gzip less on every page: `npm run bench -- --only page-js`). Tests and scripts that import the
// files outside Next.js read the plain ICU strings, which next-intl formats all the same.
export default createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
})(nextConfig);
