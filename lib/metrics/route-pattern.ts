// Which route a request reached, as the app names it ("/console/people/[personId]"), never the
// raw path: a label holding ids would make one series per person (and put personal references in
// the metrics). Paths no route matches (scanners, typos) share one label for the same reason.

/** Label of paths under /_next/ (build assets, image optimisation). */
export const NEXT_ASSETS = "/_next/*";
/** Label of paths no route of the app matches. */
export const UNMATCHED = "(unmatched)";

type Segment =
  { kind: "static"; text: string } | { kind: "one" } | { kind: "rest"; optional: boolean };

interface CompiledRoute {
  pattern: string;
  segments: Segment[];
}

function compile(pattern: string): CompiledRoute {
  const segments = pattern
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      if (part.startsWith("[[...")) return { kind: "rest", optional: true };
      if (part.startsWith("[...")) return { kind: "rest", optional: false };
      if (part.startsWith("[")) return { kind: "one" };
      return { kind: "static", text: part };
    });
  return { pattern, segments };
}

function matches(route: Segment[], parts: string[]): boolean {
  for (const [i, segment] of route.entries()) {
    if (segment.kind === "rest") return segment.optional || parts.length > i;
    if (i >= parts.length) return false;
    if (segment.kind === "static" && segment.text !== parts[i]) return false;
  }
  return route.length === parts.length;
}

/**
 * Sort key: static segments (0) before one-segment parameters (1) before catch-alls (2), segment
 * by segment, so /notices/new wins over /notices/[id] as in Next.js.
 */
function specificity(route: CompiledRoute): string {
  return route.segments.map((s) => (s.kind === "static" ? 0 : s.kind === "one" ? 1 : 2)).join("");
}

/** The locale segment every page lives under; its URLs carry none (proxy.ts rewrites). */
const LOCALE_SEGMENT = "/[locale]";

/**
 * A route pattern as URLs show it: "/[locale]/console/people/[personId]" → "/console/people/
 * [personId]". The catch-all that only answers not found ("/[locale]/[...rest]") is no route.
 */
function asRequested(pattern: string): string | null {
  if (!pattern.startsWith(LOCALE_SEGMENT + "/") && pattern !== LOCALE_SEGMENT) return pattern;
  const path = pattern.slice(LOCALE_SEGMENT.length) || "/";
  return path === "/[...rest]" ? null : path;
}

/**
 * A function from a request URL (path and query) to its route pattern, given the app's route
 * patterns (the values of .next/app-path-routes-manifest.json).
 */
export function routeMatcher(patterns: Iterable<string>): (url: string) => string {
  const routes = [...new Set([...patterns].map(asRequested))]
    .filter((p): p is string => p !== null && !p.startsWith("/_"))
    .map(compile)
    .sort((a, b) => specificity(a).localeCompare(specificity(b)));
  return (url) => {
    let path = url.split(/[?#]/, 1)[0] ?? "/";
    if (path.startsWith("/_next/")) return NEXT_ASSETS;
    // Prefetches of a page's data ask for the page's path with an .rsc / .segments suffix.
    path = path.replace(/\.segments\/.*$/, "").replace(/\.rsc$/, "");
    let parts: string[];
    try {
      parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      return UNMATCHED; // malformed escapes: no route takes them
    }
    return routes.find((r) => matches(r.segments, parts))?.pattern ?? UNMATCHED;
  };
}
