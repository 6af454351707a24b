import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  fixedSecurityHeaders,
  newNonce,
  requestIsHttps,
  strictTransportSecurity,
} from "./security-headers";

/** The policy's directives by name: "script-src" → ["'self'", …]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const production = { dev: false, https: true };

describe("contentSecurityPolicy", () => {
  it("lets a rendered page run only what carries its nonce, never inline code or eval", () => {
    const script = directives(contentSecurityPolicy({ nonce: "abc" }, production)).get(
      "script-src",
    );
    expect(script).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
  });

  it("lets a prerendered page run its own scripts by hash, and bundles from this origin", () => {
    const script = directives(
      contentSecurityPolicy({ hashes: ["sha256-AAAA", "sha256-BBBB"] }, production),
    ).get("script-src");
    expect(script).toEqual(["'self'", "'sha256-AAAA'", "'sha256-BBBB'"]);
  });

  it("allows eval under `next dev` only, and inline code in no mode", () => {
    for (const dev of [false, true])
      for (const permit of [{ nonce: "n" }, { hashes: ["sha256-x"] }]) {
        const script = directives(contentSecurityPolicy(permit, { dev, https: false })).get(
          "script-src",
        )!;
        expect(script).not.toContain("'unsafe-inline'");
        expect(script.includes("'unsafe-eval'")).toBe(dev);
      }
  });

  it("refuses framing, plugins, <base> and forms to elsewhere", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n" }, production));
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
  });

  it("takes images from this origin, the captcha's data: URL and the cropper's blob: only", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n" }, production));
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("font-src")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only on a page served over https", () => {
    expect(contentSecurityPolicy({ nonce: "n" }, production)).toContain(
      "upgrade-insecure-requests",
    );
    expect(contentSecurityPolicy({ nonce: "n" }, { dev: false, https: false })).not.toContain(
      "upgrade-insecure-requests",
    );
  });

  it("names the nonce so that Next.js finds it, and a fresh one each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      const policy = contentSecurityPolicy({ nonce }, production);
      expect(getScriptNonceFromHeader(policy)).toBe(nonce);
    }
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent over https and never over http", () => {
    expect(strictTransportSecurity(true)).toMatch(/^max-age=\d{8}/);
    expect(strictTransportSecurity(false)).toBeNull();
  });

  it("reads https from X-Forwarded-Proto exactly as the server set it", () => {
    const h = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
    expect(requestIsHttps(h("https"))).toBe(true);
    expect(requestIsHttps(h("http"))).toBe(false);
    expect(requestIsHttps(h("http, https"))).toBe(false);
    expect(requestIsHttps(h())).toBe(false);
  });
});

describe("fixedSecurityHeaders", () => {
  const fixed = new Map(fixedSecurityHeaders().map((h) => [h.key, h.value]));

  it("keeps nosniff, DENY and same-origin referrers, and isolates the window", () => {
    expect(fixed.get("X-Content-Type-Options")).toBe("nosniff");
    expect(fixed.get("X-Frame-Options")).toBe("DENY");
    expect(fixed.get("Referrer-Policy")).toBe("same-origin");
    expect(fixed.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
  });

  it("turns off the camera, microphone and location for every frame", () => {
    const features = fixed.get("Permissions-Policy")!.split(", ");
    for (const f of ["camera=()", "microphone=()", "geolocation=()", "payment=()"])
      expect(features).toContain(f);
  });

  it("has no per-request header: the policy and HSTS come from the proxy", () => {
    expect(fixed.has("Content-Security-Policy")).toBe(false);
    expect(fixed.has("Strict-Transport-Security")).toBe(false);
  });
});
