// `npm run bench -- --only page-js` (needs `npm run build`): the JavaScript each page makes a
// browser load before it is interactive, gzip-compressed as the server sends it, against a
// ceiling — read from the build output, no server needed.
//
// A page's first-load JavaScript is the framework's root chunks (build-manifest.json
// rootMainFiles) plus every chunk its layouts, error and not-found boundaries and the page itself
// need (the page's client reference manifest, entryJSFiles): exactly the <script src> tags of the
// page's HTML, which is checked for every page the build prerendered. Chunks loaded later (a
// dynamic import, a prefetched link) are not counted. The nomodule polyfills only browsers
// without ES modules fetch, and no current browser does, are shown apart.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { Figure } from "./report";
import { ROOT } from "./server";

export const PAGE_JS_CEILING_KB = 200;
const NEXT_DIR = path.join(ROOT, ".next");

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

export function pageJsProblem(): string | null {
  for (const f of ["BUILD_ID", "build-manifest.json", "app-path-routes-manifest.json"]) {
    if (!existsSync(path.join(NEXT_DIR, f))) return `no production build (.next/${f})`;
  }
  return null;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(NEXT_DIR, file), "utf8")) as T;
}

const gzipped = new Map<string, number>();
/** Bytes of `file` (relative to .next) after gzip at zlib's default level, as served. */
function gzipBytes(file: string): number {
  let n = gzipped.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(path.join(NEXT_DIR, file))).length;
    gzipped.set(file, n);
  }
  return n;
}

/** The chunks entry `entry` ("/(auth)/login/page") needs, from its client reference manifest. */
function entryChunks(entry: string): string[] {
  const file = path.join(NEXT_DIR, "server/app", `${entry}_client-reference-manifest.js`);
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest?.entryJSFiles) throw new Error(`${file}: no entryJSFiles for ${entry}`);
  return Object.values(manifest.entryJSFiles).flat();
}

/**
 * Module scripts of a prerendered page's HTML (relative to .next), or null if none was made. A
 * page is prerendered once per language (route "/[locale]/login" → zh-CN/login.html, en/…); the
 * default language's HTML stands for all: they load the same chunks.
 */
function htmlScripts(route: string): Set<string> | null {
  const file = path.join(
    NEXT_DIR,
    "server/app",
    `${route.replace("[locale]", DEFAULT_LOCALE) || "/index"}.html`,
  );
  if (!existsSync(file)) return null;
  const scripts = new Set<string>();
  for (const tag of readFileSync(file, "utf8").match(/<script\b[^>]*>/g) ?? []) {
    const src = /\ssrc="\/_next\/([^"]+)"/.exec(tag)?.[1];
    if (src && !/\snoModule\b/i.test(tag)) scripts.add(src);
  }
  return scripts;
}

const kB = (bytes: number) => bytes / 1000;

export async function pageJsFigures(): Promise<Figure[]> {
  const build = readJson<{ rootMainFiles: string[]; polyfillFiles: string[] }>(
    "build-manifest.json",
  );
  const routes = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const pages: { route: string; bytes: number }[] = [];
  const mismatches: string[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page")) continue; // route handlers ship no JavaScript
    const chunks = new Set([...build.rootMainFiles, ...entryChunks(entry)]);
    const html = htmlScripts(route);
    if (html && (html.size !== chunks.size || [...html].some((s) => !chunks.has(s)))) {
      mismatches.push(route);
    }
    pages.push({ route, bytes: [...chunks].reduce((n, f) => n + gzipBytes(f), 0) });
  }
  if (mismatches.length > 0) {
    throw new Error(`the manifests disagree with the prerendered HTML of ${mismatches.join(", ")}`);
  }
  pages.sort((a, b) => b.bytes - a.bytes || a.route.localeCompare(b.route));
  const shared = build.rootMainFiles.reduce((n, f) => n + gzipBytes(f), 0);
  const polyfills = build.polyfillFiles.reduce((n, f) => n + gzipBytes(f), 0);
  const largest = pages[0]!;
  const over = pages.filter((p) => kB(p.bytes) > PAGE_JS_CEILING_KB);
  console.log(
    `  largest: ${pages
      .slice(0, 3)
      .map((p) => `${p.route} ${kB(p.bytes).toFixed(1)} kB`)
      .join(", ")}; over the ${PAGE_JS_CEILING_KB} kB ceiling: ${
      over.length ? over.map((p) => p.route).join(", ") : "none"
    }`,
  );
  return [
    ...pages.map((p) => ({ label: p.route, unit: "kB", value: kB(p.bytes), digits: 1 })),
    { label: "framework root chunks (in every page)", unit: "kB", value: kB(shared), digits: 1 },
    {
      label: "nomodule polyfills (legacy browsers only)",
      unit: "kB",
      value: kB(polyfills),
      digits: 1,
    },
    { label: `pages over ${PAGE_JS_CEILING_KB} kB`, unit: "pages", value: over.length, digits: 0 },
    {
      label: `largest (${largest.route}) ÷ ceiling (goal ≤ 1)`,
      unit: "×",
      value: kB(largest.bytes) / PAGE_JS_CEILING_KB,
      digits: 2,
    },
  ];
}
