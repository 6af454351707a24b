import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { elderModeOn } from "@/lib/ui/elder-mode";
import { ELDER_MODE_CSS } from "@/lib/ui/elder-mode-css";

// 长辈模式's stylesheet (lib/ui/elder-mode.ts): its rules for a device whose cookie turned the mode
// on, an empty sheet otherwise. Every page links it, so it is asked on every page load: the
// browser keeps its copy and revalidates it (ETag → 304), which the switch's cookie can change
// at any time, hence no-cache and Vary: Cookie rather than a lifetime.

const OFF_CSS = "/* 长辈模式未开启 */\n";

const tagOf = (css: string) =>
  `"${createHash("sha256").update(css).digest("base64url").slice(0, 16)}"`;
const SHEETS = {
  on: { css: ELDER_MODE_CSS, etag: tagOf(ELDER_MODE_CSS) },
  off: { css: OFF_CSS, etag: tagOf(OFF_CSS) },
};

export function GET(request: NextRequest) {
  const sheet = elderModeOn(request.headers.get("cookie")) ? SHEETS.on : SHEETS.off;
  const headers = {
    "content-type": "text/css; charset=utf-8",
    "cache-control": "private, no-cache",
    vary: "Cookie",
    etag: sheet.etag,
  };
  if (request.headers.get("if-none-match") === sheet.etag)
    return new Response(null, { status: 304, headers });
  return new Response(sheet.css, { headers });
}
