import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// proxy.ts hands page requests to next-intl's middleware: the URL stays, the request is
// rewritten to app/[locale]/… by the locale cookie, and the page learns its locale by a header.

function visit(path: string, headers: Record<string, string> = {}) {
  const response = proxy(new NextRequest(`http://kuaiji.test${path}`, { headers }));
  const rewrite = response.headers.get("x-middleware-rewrite");
  return {
    response,
    to: rewrite ? new URL(rewrite).pathname + new URL(rewrite).search : null,
    locale: response.headers.get("x-middleware-request-x-next-intl-locale"),
  };
}

describe("the locale of a page request", () => {
  it("is 简体中文 without a choice, whatever the browser's languages", () => {
    const first = visit("/login", { "accept-language": "en-US,en;q=0.9" });
    expect(first.to).toBe("/zh-CN/login");
    expect(first.locale).toBe("zh-CN");
    // nothing is remembered for someone who chose nothing
    expect(first.response.headers.get("set-cookie")).toBeNull();
    expect(visit("/").to).toBe("/zh-CN");
  });

  it("follows the choice remembered in the cookie, keeping the path and the query", () => {
    expect(visit("/login?next=%2Faccount", { cookie: "kuaiji-locale=en" }).to).toBe(
      "/en/login?next=%2Faccount",
    );
    const hant = visit("/notices/abc", { cookie: "a=1; kuaiji-locale=zh-Hant; b=2" });
    expect(hant.to).toBe("/zh-Hant/notices/abc");
    expect(hant.locale).toBe("zh-Hant");
  });

  it("ignores a cookie naming no locale of ours", () => {
    expect(visit("/register", { cookie: "kuaiji-locale=fr" }).to).toBe("/zh-CN/register");
  });

  it("keeps the console in 简体中文 whatever the device chose", () => {
    const console = visit("/console/login", { cookie: "kuaiji-locale=en" });
    expect(console.to).toBe("/zh-CN/console/login");
    expect(console.locale).toBe("zh-CN");
  });

  it("does not rewrite route handlers, stylesheets and metadata files", () => {
    for (const path of ["/api/session", "/elder-mode.css", "/manifest.webmanifest", "/icon.svg"])
      expect(visit(path, { cookie: "kuaiji-locale=en" }).to, path).toBeNull();
  });

  it("still gives every response its request id and policy", () => {
    const { response } = visit("/login", { cookie: "kuaiji-locale=en" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(response.headers.get("content-security-policy")).toContain("'nonce-");
    // and the page receives them on the request
    expect(response.headers.get("x-middleware-request-x-kuaiji-path")).toBe("/login");
  });
});
