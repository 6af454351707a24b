// The policy of a prerendered page (the portal, 通知公告, the login pages): rendered before any
// request, it carries no nonce, so the policy names the hashes of its inline scripts instead —
// and only of those Next.js itself writes. A prerendered page of Next.js 16 (Turbopack) has three
// kinds, each one call whose only argument is a JSON literal:
//
//   (self.__next_f=self.__next_f||[]).push([0])                          the payload's queue
//   self.__next_f.push(<JSON>)                                           the React Server Components payload
//   (globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(<JSON>);   the bundles' bootstrap
//
// Any other inline script — should markup ever slip past the notices' sanitiser — gets no hash,
// so the browser does not run it; it is counted, and scripts/next-server.ts warns, because a new
// Next.js could add a shape of its own (the e2e spec tests/e2e/security-headers.spec.ts fails then).
// Plain TypeScript without imports; the caller hashes (node:crypto in scripts/prerendered-csp.ts).
import { contentSecurityPolicy, type Delivery } from "./security-headers";

const FRAMEWORK_SCRIPTS: readonly { prefix: string; suffix: string }[] = [
  { prefix: "(self.__next_f=self.__next_f||[]).push(", suffix: ")" },
  { prefix: "self.__next_f.push(", suffix: ")" },
  { prefix: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', suffix: ");" },
];

// Script content is raw text up to the first "</script": Next.js and React escape "<" inside
// the JSON they inline, so no payload can end its element early.
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(^|\s)src\s*=/i;

function isJsonLiteral(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isFrameworkScript(body: string): boolean {
  return FRAMEWORK_SCRIPTS.some(
    ({ prefix, suffix }) =>
      body.length > prefix.length + suffix.length &&
      body.startsWith(prefix) &&
      body.endsWith(suffix) &&
      isJsonLiteral(body.slice(prefix.length, body.length - suffix.length)),
  );
}

/** The inline scripts of a page that are Next.js's own, and how many others it holds. */
export function frameworkInlineScripts(html: string): { scripts: string[]; others: number } {
  const scripts: string[] = [];
  let others = 0;
  for (const [, attributes, body] of html.matchAll(SCRIPT_ELEMENT)) {
    if (HAS_SRC.test(attributes!) || body === "") continue;
    if (isFrameworkScript(body!)) scripts.push(body!);
    else others++;
  }
  return { scripts, others };
}

/**
 * The Content-Security-Policy for a prerendered page's HTML: its framework scripts by hash.
 * `sha256Base64` digests the script's text as UTF-8, as the browser does.
 */
export function prerenderedPagePolicy(
  html: string,
  delivery: Delivery,
  sha256Base64: (text: string) => string,
): { policy: string; others: number } {
  const { scripts, others } = frameworkInlineScripts(html);
  const hashes = [...new Set(scripts.map((s) => `sha256-${sha256Base64(s)}`))];
  return { policy: contentSecurityPolicy({ hashes }, delivery), others };
}
