import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { issueCaptcha } from "@/lib/account/captcha-service";
import { freshClient } from "../../support/accounts";

// GET /api/captcha needs no login and writes a row: each address has a budget (issue 12, 7).

afterEach(() => {
  delete process.env.KUAIJI_CAPTCHA_PER_IP;
});

describe("图形验证码 per address", () => {
  it("200 parallel requests from one address: the budget is issued, the rest refused with a wait", async () => {
    process.env.KUAIJI_CAPTCHA_PER_IP = "20";
    const ctx = freshClient();
    const results = await Promise.all(Array.from({ length: 200 }, () => issueCaptcha(db, ctx)));
    const issued = results.filter((r) => r.ok);
    expect(issued).toHaveLength(20);
    const ids = issued.map((r) => (r.ok ? r.id : ""));
    expect(await db.captcha.count({ where: { id: { in: ids } } })).toBe(20);
    for (const r of results) {
      if (r.ok) expect(r.image).toMatch(/^data:image\/svg\+xml;base64,/);
      else expect(r.retryAfterMs).toBeGreaterThan(14 * 60_000);
    }
    // another address still gets its picture
    expect((await issueCaptcha(db, freshClient())).ok).toBe(true);
  });

  it("the picture is an SVG image with no script", async () => {
    const r = await issueCaptcha(db, freshClient());
    if (!r.ok) throw new Error("refused");
    const svg = Buffer.from(r.image.split(",")[1]!, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg[^>]*>/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});
