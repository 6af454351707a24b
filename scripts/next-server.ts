// The production web server: Next.js behind a plain Node HTTP server whose only job is to set
// X-Forwarded-For and X-Forwarded-Proto from the socket (lib/http/forwarded.ts). `next start` would
// keep whatever a client sends in those headers, and per-IP limits, the audit log and
// Strict-Transport-Security rely on them. It also gives prerendered pages their
// Content-Security-Policy (scripts/prerendered-csp.ts).
//
//   PORT (3000), HOSTNAME (bind address; unset: all interfaces), KUAIJI_TRUSTED_PROXY_HOPS (0)
//
// scripts/start.ts runs this for `npm start`; it can also be run on its own:
//   node --import tsx scripts/next-server.ts
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { forwardedFor, forwardedProto } from "../lib/http/forwarded";
import { DEFAULT_LOCALE, isChineseOnlyPath, isLocale, LOCALE_COOKIE } from "../lib/i18n/locales";
import { runShutdownHooks } from "../lib/jobs/shutdown";
import { observeRequest } from "../lib/metrics/http";
import { routeMatcher } from "../lib/metrics/route-pattern";
import { holdPrerenderedPage } from "./prerendered-csp";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const hops = Number(process.env.KUAIJI_TRUSTED_PROXY_HOPS ?? 0);

// The name Next.js gives the proxy's request URL. A loopback address is named "localhost": Next.js
// writes a rewrite's destination (proxy.ts → app/[locale]) with every loopback host as
// "localhost", and compares it with this name — given "127.0.0.1" (the embedded default binds it),
// each rewrite looked like another origin's, was fetched over HTTP and came back through the
// proxy as a redirect to itself.
const isLoopback = (name: string) => /^(127\.|::1$|\[::1\]$|localhost$)/.test(name);
const app = next({
  dev: false,
  dir: ROOT,
  hostname: !hostname || isLoopback(hostname) ? "localhost" : hostname,
  port,
});
const handle = app.getRequestHandler();
await app.prepare();
const routeOf = routeMatcher(appRoutes());

const server = createServer((req, res) => {
  observeRequest(req, res, routeOf); // /api/metrics: per route pattern, never the raw path
  const xff = forwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  if (xff) req.headers["x-forwarded-for"] = xff;
  else delete req.headers["x-forwarded-for"];
  delete req.headers["x-real-ip"];
  req.headers["x-forwarded-proto"] = forwardedProto(
    req.headers["x-forwarded-proto"],
    "encrypted" in req.socket && req.socket.encrypted === true,
    hops,
  );
  holdPrerenderedPage(req, res, {
    onUnknownScripts: (count) =>
      console.warn(
        `prerendered page ${req.url?.split("?")[0]}: ${count} inline script(s) of an unknown shape, not allowed by its Content-Security-Policy`,
      ),
    onError: (e) =>
      console.error(
        `prerendered page ${req.url?.split("?")[0]}: policy not computed: ${e instanceof Error ? e.message : e}`,
      ),
  });
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`▲ Next.js ready on http://${hostname ?? "0.0.0.0"}:${port}`);
  void renderStaticPages();
});

/** The app's route patterns ("/console/people/[personId]"), as `next build` listed them. */
function appRoutes(): string[] {
  try {
    const manifest = readFileSync(path.join(ROOT, ".next/app-path-routes-manifest.json"), "utf8");
    return Object.values(JSON.parse(manifest) as Record<string, string>);
  } catch (e) {
    console.warn(
      `route patterns not read, requests counted as unmatched: ${e instanceof Error ? e.message : e}`,
    );
    return [];
  }
}

/**
 * How a visitor reaches a prerendered page: "/en/login" is /login with the locale cookie (URLs
 * carry no locale: proxy.ts). A copy no visitor can reach (the console in English) is skipped.
 */
function asVisited(route: string): { path: string; init?: RequestInit } | null {
  const [, first = "", ...rest] = route.split("/");
  if (!isLocale(first)) return { path: route };
  const path = `/${rest.join("/")}`;
  if (first !== DEFAULT_LOCALE && isChineseOnlyPath(path)) return null;
  return { path, init: { headers: { cookie: `${LOCALE_COOKIE}=${first}` } } };
}

/**
 * The static pages `next build` made (prerender-manifest.json) were rendered without the database
 * and perhaps with other settings, so they are rendered again on their first request
 * (app/[locale]/layout.tsx): make that first request this server's own, not a visitor's.
 */
async function renderStaticPages(): Promise<void> {
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(ROOT, ".next/prerender-manifest.json"), "utf8"),
    ) as { routes: Record<string, unknown> };
    for (const route of Object.keys(manifest.routes)) {
      if (route.startsWith("/_")) continue; // error pages: rendered when needed
      const request = asVisited(route);
      if (request) await (await fetch(base + request.path, request.init)).arrayBuffer();
    }
  } catch (e) {
    console.warn(`static pages not rendered ahead: ${e instanceof Error ? e.message : e}`);
  }
}

// Stop taking requests, let the job worker (lib/jobs, started by instrumentation.ts) finish its
// runs and close its connections, then exit — before scripts/start.ts stops the embedded database.
// Once only: Ctrl-C reaches this process both from the terminal and from scripts/start.ts.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  void Promise.all([closed, runShutdownHooks()]).finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
