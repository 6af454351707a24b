import { describe, expect, it } from "vitest";
import { NEXT_ASSETS, routeMatcher, UNMATCHED } from "./route-pattern";

// Labels name the route, never the path: no ids, numbers or anything a visitor typed.
const routeOf = routeMatcher([
  "/",
  "/notices",
  "/notices/[id]",
  "/console/people",
  "/console/people/[personId]",
  "/console/people/[personId]/history",
  "/console/notices/new",
  "/console/notices/[id]",
  "/account/ce/certificate/[year]",
  "/api/auth/[...nextauth]",
  "/docs/[[...slug]]",
  "/_not-found",
]);

const UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("routeMatcher", () => {
  it.each([
    ["/", "/"],
    ["/notices?page=3", "/notices"],
    [`/console/people/${UUID}`, "/console/people/[personId]"],
    [`/console/people/${UUID}/history?tab=2#x`, "/console/people/[personId]/history"],
    ["/account/ce/certificate/2025", "/account/ce/certificate/[year]"],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
    ["/docs", "/docs/[[...slug]]"],
    ["/docs/a/b", "/docs/[[...slug]]"],
    [`/notices/${UUID}.rsc`, "/notices/[id]"],
    ["/notices.segments/$c$children/__PAGE__.segment.rsc", "/notices"],
  ])("%s → %s", (url, pattern) => {
    expect(routeOf(url)).toBe(pattern);
  });

  it("prefers a static segment over a parameter, whatever the manifest's order", () => {
    expect(routeOf("/console/notices/new")).toBe("/console/notices/new");
    expect(routeOf("/console/notices/42")).toBe("/console/notices/[id]");
    const reversed = routeMatcher(["/console/notices/[id]", "/console/notices/new"]);
    expect(reversed("/console/notices/new")).toBe("/console/notices/new");
  });

  it("names a page by its URL, without the locale segment the pages live under", () => {
    const localised = routeMatcher([
      "/[locale]",
      "/[locale]/login",
      "/[locale]/console/people/[personId]",
      "/[locale]/[...rest]",
      "/api/session",
    ]);
    expect(localised("/")).toBe("/");
    expect(localised("/login?next=%2Faccount")).toBe("/login");
    expect(localised(`/console/people/${UUID}`)).toBe("/console/people/[personId]");
    expect(localised("/api/session")).toBe("/api/session");
    // the catch-all only answers not found: a scanner's path stays unmatched
    expect(localised("/wp-admin/setup.php")).toBe(UNMATCHED);
  });

  it("gives paths no route takes one label, so scanners and typos add no series", () => {
    expect(routeOf("/wp-admin/setup.php")).toBe(UNMATCHED);
    expect(routeOf("/console/people/44010619900307001X/history/more")).toBe(UNMATCHED);
    expect(routeOf("/api/auth")).toBe(UNMATCHED); // a required catch-all needs a segment
    expect(routeOf("/_not-found")).toBe(UNMATCHED); // internal pages are no routes
    expect(routeOf("/notices/%E0%A4%A")).toBe(UNMATCHED); // malformed escape
    expect(routeOf("/_next/static/chunks/app-1234.js")).toBe(NEXT_ASSETS);
  });

  it("with no manifest counts everything as unmatched rather than by path", () => {
    expect(routeMatcher([])(`/console/people/${UUID}`)).toBe(UNMATCHED);
  });
});
