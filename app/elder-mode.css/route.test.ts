import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ELDER_MODE_CSS } from "@/lib/ui/elder-mode-css";
import { GET } from "./route";

const ask = (headers: Record<string, string> = {}) =>
  GET(new NextRequest("http://localhost/elder-mode.css", { headers }));

describe("GET /elder-mode.css", () => {
  it("answers the mode's rules to a device whose cookie turned it on", async () => {
    const res = await ask({ cookie: "other=x; kuaiji-elder=1" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await res.text()).toBe(ELDER_MODE_CSS);
    expect(ELDER_MODE_CSS).toContain("font-size: 112.5%");
  });

  it("answers an empty sheet to any other device", async () => {
    const others: Record<string, string>[] = [
      {},
      { cookie: "kuaiji-elder=" },
      { cookie: "kuaiji-elder=0" },
    ];
    for (const headers of others) {
      const res = await ask(headers);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain("{");
    }
  });

  it("is revalidated on every load, per cookie, and a copy still right costs a 304", async () => {
    const on = await ask({ cookie: "kuaiji-elder=1" });
    const off = await ask();
    expect(on.headers.get("cache-control")).toBe("private, no-cache");
    expect(on.headers.get("vary")).toBe("Cookie");
    expect(on.headers.get("etag")).not.toBe(off.headers.get("etag"));

    const again = await ask({ cookie: "kuaiji-elder=1", "if-none-match": on.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // the mode turned off since: the browser's copy no longer matches
    const changed = await ask({ "if-none-match": on.headers.get("etag")! });
    expect(changed.status).toBe(200);
  });
});
