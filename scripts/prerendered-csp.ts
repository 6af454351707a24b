// The Node side of a prerendered page's Content-Security-Policy (lib/http/security-headers-
// prerendered.ts), for scripts/next-server.ts. proxy.ts gives every response a policy with a fresh
// nonce, which Next.js writes into each page it renders for the request; a prerendered page
// (response header x-nextjs-prerender) was rendered earlier and has no such nonce. Its HTML is
// small and sent whole from memory, so this holds it back, hashes its inline scripts and replaces
// the policy before the headers go out. Every other response passes untouched, streaming as before.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { prerenderedPagePolicy } from "../lib/http/security-headers-prerendered";
import { CSP_HEADER, requestIsHttps } from "../lib/http/security-headers";

const sha256Base64 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

/** The body as sent (Next.js compresses unless a proxy does), decoded to read its scripts. */
function decoded(body: Buffer, encoding: unknown): Buffer {
  switch (String(encoding ?? "").toLowerCase()) {
    case "gzip":
      return gunzipSync(body);
    case "deflate":
      return inflateSync(body);
    case "br":
      return brotliDecompressSync(body);
    case "":
    case "identity":
      return body;
    default:
      throw new Error(`content-encoding ${String(encoding)} cannot be read`);
  }
}

type Callback = (error?: Error | null) => void;

/**
 * Call before Next.js handles the request. `onUnknownScripts` hears of inline scripts the policy
 * does not allow (never their content); `onError` of a page whose policy could not be computed
 * (it keeps the nonce policy: served, but its scripts do not run).
 */
export function holdPrerenderedPage(
  req: IncomingMessage,
  res: ServerResponse,
  report: { onUnknownScripts: (count: number) => void; onError: (error: unknown) => void },
): void {
  const { writeHead, write, end } = res;
  let held: Buffer[] | null = null;
  let decided = false;
  let headArgs: unknown[] | null = null;

  // Decided once the headers are final: the first writeHead, write or end.
  const decide = () => {
    if (decided) return;
    decided = true;
    if (!res.hasHeader("x-nextjs-prerender")) return;
    // A 304 confirms the copy the browser holds, whose policy already names its hashes; a policy
    // on the 304 would replace that one.
    if (res.statusCode === 304) res.removeHeader(CSP_HEADER);
    else if (req.method !== "HEAD" && /^text\/html\b/.test(String(res.getHeader("content-type"))))
      held = [];
  };

  const release = (callback?: Callback) => {
    const body = Buffer.concat(held!);
    try {
      const html = decoded(body, res.getHeader("content-encoding")).toString("utf8");
      const https = requestIsHttps({ get: (name) => req.headers[name]?.toString() ?? null });
      const { policy, others } = prerenderedPagePolicy(html, { dev: false, https }, sha256Base64);
      res.setHeader(CSP_HEADER, policy);
      if (others) report.onUnknownScripts(others);
    } catch (error) {
      report.onError(error);
    }
    (writeHead as (...args: unknown[]) => ServerResponse).apply(res, headArgs ?? [res.statusCode]);
    (end as (...args: unknown[]) => ServerResponse).call(res, body, callback);
  };

  const chunkOf = (chunk: unknown, encoding: unknown) =>
    typeof chunk === "string"
      ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
      : Buffer.from(chunk as Uint8Array);

  // Next.js passes headers to writeHead, if at all, as an object: applied now, so the policy set
  // at release is not overwritten by them.
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    decide();
    if (!held) return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    const headers = args.find((a) => typeof a === "object" && a !== null) as
      OutgoingHttpHeaders | undefined;
    if (headers && !Array.isArray(headers))
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) this.setHeader(name, value);
    headArgs = typeof args[1] === "string" ? [args[0], args[1]] : [args[0]];
    return this;
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide();
    if (!held) return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    held.push(chunkOf(chunk, rest[0]));
    const callback = rest.find((a) => typeof a === "function") as Callback | undefined;
    callback?.();
    return true;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    decide();
    if (!held) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const callback = args.find((a) => typeof a === "function") as Callback | undefined;
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) held.push(chunkOf(chunk, args[1]));
    release(callback);
    return this;
  } as ServerResponse["end"];
}
