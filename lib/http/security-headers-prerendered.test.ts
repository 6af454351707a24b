import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { frameworkInlineScripts, prerenderedPagePolicy } from "./security-headers-prerendered";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

// What Next.js 16 (Turbopack) writes into a prerendered page, shortened.
const QUEUE = "(self.__next_f=self.__next_f||[]).push([0])";
const PAYLOAD =
  'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:\\"通知公告\\u003c/p\\u003e\\"\\n"])';
const BOOTSTRAP =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[494553]});';

const page = (...inline: string[]) =>
  [
    '<!DOCTYPE html><html lang="zh-CN"><head>',
    '<script src="/_next/static/chunks/a.js" async=""></script>',
    `<script id="_R_">${BOOTSTRAP}</script>`,
    "</head><body><main><p>通知公告</p></main>",
    ...inline.map((s) => `<script>${s}</script>`),
    "</body></html>",
  ].join("");

describe("frameworkInlineScripts", () => {
  it("finds the payload queue, the payload and the bundles' bootstrap, not scripts with src", () => {
    expect(frameworkInlineScripts(page(QUEUE, PAYLOAD))).toEqual({
      scripts: [BOOTSTRAP, QUEUE, PAYLOAD],
      others: 0,
    });
  });

  it("leaves out an injected script, even one dressed as the payload", () => {
    for (const injected of [
      "alert(document.cookie)",
      'self.__next_f.push([1,"x"]);alert(1)',
      "self.__next_f.push(alert(1))",
      'self.__next_f.push([1,"x"]),alert(1)//)',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(fetch("/x"));',
    ]) {
      const found = frameworkInlineScripts(page(QUEUE, injected, PAYLOAD));
      expect(found.scripts).not.toContain(injected);
      expect(found.others).toBe(1);
    }
  });

  it("reads a script written in upper case or with a spaced end tag", () => {
    expect(frameworkInlineScripts(`<SCRIPT>${QUEUE}</script ><script>x()</SCRIPT>`)).toEqual({
      scripts: [QUEUE],
      others: 1,
    });
  });
});

describe("prerenderedPagePolicy", () => {
  it("names each framework script's SHA-256 once, and no nonce or inline permission", () => {
    const { policy, others } = prerenderedPagePolicy(
      page(QUEUE, PAYLOAD, QUEUE),
      { dev: false, https: false },
      sha256,
    );
    expect(others).toBe(0);
    const script = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toBe(
      `script-src 'self' 'sha256-${sha256(BOOTSTRAP)}' 'sha256-${sha256(QUEUE)}' 'sha256-${sha256(PAYLOAD)}'`,
    );
  });
});
