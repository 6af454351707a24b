import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { holdPrerenderedPage } from "./prerendered-csp";

// The compression middleware Next.js's router server wraps every response in (no types shipped).
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const QUEUE = "(self.__next_f=self.__next_f||[]).push([0])";
const PAYLOAD = `self.__next_f.push([1,"${"门户".repeat(3000)}"])`; // beyond one chunk
const HTML = `<!DOCTYPE html><html><body><p>门户</p><script>${QUEUE}</script><script>${PAYLOAD}</script><script>alert(1)</script></body></html>`;
const NONCE_POLICY = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server doing what Next.js does for a page: the proxy's policy, then the page in parts. */
async function serve(
  page: (req: IncomingMessage, res: ServerResponse) => void,
  options: { compress?: boolean } = {},
) {
  const report = { onUnknownScripts: vi.fn(), onError: vi.fn() };
  const compress = compression();
  server = createServer((req, res) => {
    holdPrerenderedPage(req, res, report);
    if (options.compress) compress(req, res, () => {}); // as Next.js's router server does
    res.setHeader("content-security-policy", NONCE_POLICY);
    page(req, res);
  });
  await new Promise<void>((ready) => server!.listen(0, "127.0.0.1", ready));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { base, report };
}

function prerendered(res: ServerResponse, status = 200) {
  res.statusCode = status;
  res.setHeader("x-nextjs-prerender", "1");
  res.setHeader("content-type", "text/html; charset=utf-8");
}

function scriptSrc(res: Response) {
  return res.headers
    .get("content-security-policy")
    ?.split("; ")
    .find((d) => d.startsWith("script-src "));
}

describe("holdPrerenderedPage", () => {
  it("replaces a prerendered page's nonce by the hashes of its framework scripts", async () => {
    const { base, report } = await serve((_req, res) => {
      prerendered(res);
      res.flushHeaders(); // Next.js flushes before the first chunk
      res.write(HTML.slice(0, 5000));
      res.end(HTML.slice(5000));
    });
    const res = await fetch(base);
    expect(scriptSrc(res)).toBe(
      `script-src 'self' 'sha256-${sha256(QUEUE)}' 'sha256-${sha256(PAYLOAD)}'`,
    );
    expect(await res.text()).toBe(HTML);
    expect(report.onUnknownScripts).toHaveBeenCalledWith(1); // the alert(1)
  });

  it("reads the page through Next.js's compression, and sends it compressed", async () => {
    const { base } = await serve(
      (_req, res) => {
        prerendered(res);
        res.setHeader("content-length", Buffer.byteLength(HTML));
        res.end(HTML);
      },
      { compress: true },
    );
    const res = await fetch(base, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(scriptSrc(res)).toContain(`'sha256-${sha256(PAYLOAD)}'`);
    expect(await res.text()).toBe(HTML);
  });

  it("keeps the nonce policy, and reports, for a page in an encoding it cannot read", async () => {
    const { base, report } = await serve((_req, res) => {
      prerendered(res);
      res.setHeader("content-encoding", "zstd");
      res.end(HTML);
    });
    const res = await fetch(base, { headers: { "accept-encoding": "identity" } });
    expect(scriptSrc(res)).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(report.onError).toHaveBeenCalledTimes(1);
    await res.arrayBuffer().catch(() => undefined);
  });

  it("leaves a page rendered for the request alone, streaming, with its nonce", async () => {
    let sentFirst!: () => void;
    const firstArrived = new Promise<void>((r) => (sentFirst = r));
    const { base } = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write("<!DOCTYPE html><p>first</p>");
      void firstArrived.then(() => res.end("<p>last</p>"));
    });
    const res = await fetch(base);
    expect(scriptSrc(res)).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("first");
    sentFirst(); // the end is written only once the first part has arrived
    await reader.cancel();
  });

  it("sends no policy with a 304: the browser keeps the hashes of the copy it holds", async () => {
    const { base } = await serve((_req, res) => {
      prerendered(res, 304);
      res.end();
    });
    const res = await fetch(base);
    expect(res.status).toBe(304);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("keeps the strict nonce policy on HEAD and on a prerendered RSC payload", async () => {
    const { base } = await serve((req, res) => {
      prerendered(res);
      if (req.url === "/rsc") res.setHeader("content-type", "text/x-component");
      res.end(req.method === "HEAD" ? undefined : "0:{}");
    });
    expect(scriptSrc(await fetch(base, { method: "HEAD" }))).toContain("'nonce-abc'");
    expect(scriptSrc(await fetch(`${base}/rsc`))).toContain("'nonce-abc'");
  });
});
