import { afterEach, describe, expect, it } from "vitest";
import { changeArchiveItem } from "@/lib/change/change-service";
import { db } from "@/lib/db/client";
import { codeTrace } from "@/lib/verification/code";
import { CODE_MALFORMED, normaliseCode } from "@/lib/verification/code-format";
import {
  issueArchiveCode,
  issueCeCertificateCode,
  NO_CERTIFICATE,
  PDF_LIMITED,
} from "@/lib/verification/issue-service";
import { CAPTCHA_NEEDED, CODE_UNKNOWN, verifyDocument } from "@/lib/verification/verify-service";
import { freshClient, solvedCaptcha } from "../../support/accounts";
import { ceFixtures } from "../../support/ce";
import { ctx, NOW, personWithSession, tempStorageForFile } from "../../support/collection";

// 核验码 (issue 13, 9): issued with each PDF of a person's own archive or 学分证明, checked on
// the public 档案核验 page — valid, superseded, unknown, malformed — within a budget per client.

const store = tempStorageForFile();
const { collected } = ceFixtures(store);

afterEach(() => {
  delete process.env.KUAIJI_VERIFY_PER_IP;
  delete process.env.KUAIJI_VERIFY_CAPTCHA_AFTER_MISSES;
  delete process.env.KUAIJI_PDF_PER_PERSON_HOUR;
});

async function issued(s: Awaited<ReturnType<typeof collected>>) {
  const r = await issueArchiveCode(db, ctx, s, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

/** A code nobody was issued (random, well-formed). */
const unknownCode = () =>
  "ZZZZ-ZZZZ-" +
  Math.random()
    .toString(32)
    .slice(2, 10)
    .toUpperCase()
    .replace(/[ILOU]/g, "Z")
    .padEnd(8, "Z")
    .replace(/(.{4})/, "$1-");

describe("issuing a 核验码", () => {
  it("stores only its hash, with what it certifies, and audits a hash prefix", async () => {
    const s = await collected();
    const r = await issued(s);
    expect(r.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const canonical = normaliseCode(r.code)!;
    const rows = await db.documentVerification.findMany({ where: { personId: s.personId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "archive",
      archiveId: r.archive.archiveId,
      version: 1,
      ceYear: null,
      issuedAt: NOW,
    });
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(canonical);
    expect(dump).not.toContain(r.code);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "verification.issue", actorId: s.personId },
    });
    expect(audit.details).toMatchObject({
      kind: "archive",
      version: 1,
      code: codeTrace(canonical),
    });
    expect(JSON.stringify(audit.details)).not.toContain(canonical);
  });

  it("gives every download its own code; all of them stay valid", async () => {
    const s = await collected();
    const a = await issued(s);
    const b = await issued(s);
    expect(a.code).not.toBe(b.code);
    for (const code of [a.code, b.code]) {
      const v = await verifyDocument(db, freshClient(), { code }, NOW);
      expect(v).toMatchObject({ ok: true, view: { status: "valid", version: 1 } });
    }
  });

  it("refuses a person without an archive, and a year without a 学分证明", async () => {
    const bare = await personWithSession(db);
    expect(await issueArchiveCode(db, ctx, bare, NOW)).toMatchObject({
      ok: false,
      reason: "not-collected",
    });
    const s = await collected();
    expect(await issueCeCertificateCode(db, ctx, s, 2026, NOW)).toEqual({
      ok: false,
      reason: "no-certificate",
      message: NO_CERTIFICATE,
    });
    expect(
      await db.documentVerification.count({
        where: { personId: { in: [bare.personId, s.personId] } },
      }),
    ).toBe(0);
  });

  it("bounds the PDFs one person may download in an hour, in parallel too", async () => {
    process.env.KUAIJI_PDF_PER_PERSON_HOUR = "4";
    const s = await collected();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => issueArchiveCode(db, ctx, s, NOW)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, reason: "limited", message: PDF_LIMITED });
    }
    expect(await db.documentVerification.count({ where: { personId: s.personId } })).toBe(4);
  });
});

describe("档案核验", () => {
  it("a valid code shows name, masked number, document, archive number, version, date, 有效 — nothing more", async () => {
    const s = await collected();
    const r = await issued(s);
    const client = freshClient();
    const v = await verifyDocument(db, client, { code: r.code.toLowerCase() }, NOW);
    expect(v).toEqual({
      ok: true,
      view: {
        name: r.archive.snapshot.person.name,
        idNumberMasked: s.idNumberMasked,
        document: "会计人员信息档案",
        archiveNumber: r.archive.archiveNumber,
        version: 1,
        issuedOn: "2026年11月27日",
        status: "valid",
        statusLabel: "有效",
      },
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "verification.lookup", ip: client.ip },
    });
    expect(audit).toMatchObject({ actorType: "anonymous", outcome: "success" });
    expect(audit.details).toMatchObject({
      answer: "valid",
      code: codeTrace(normaliseCode(r.code)!),
    });
    expect(JSON.stringify(audit.details)).not.toContain(normaliseCode(r.code)!);
  });

  it("an archive printed before a 信息变更 is 已有更新版本; the new print is 有效", async () => {
    const s = await collected();
    const old = await issued(s);
    const changed = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "personal" },
        data: { ...old.archive.snapshot.personal, email: "new.mail@example.com" },
        baseVersion: 1,
      },
      NOW,
    );
    expect(changed).toMatchObject({ ok: true });
    const fresh = await issued(s);
    expect(fresh.archive.version).toBe(2);
    expect(await verifyDocument(db, freshClient(), { code: old.code }, NOW)).toMatchObject({
      ok: true,
      view: { version: 1, status: "superseded", statusLabel: "已有更新版本" },
    });
    expect(await verifyDocument(db, freshClient(), { code: fresh.code }, NOW)).toMatchObject({
      ok: true,
      view: { version: 2, status: "valid" },
    });
  });

  it("an unknown code and a malformed one are told at the field, and audited without the code", async () => {
    const client = freshClient();
    const unknown = unknownCode();
    expect(await verifyDocument(db, client, { code: unknown }, NOW)).toEqual({
      ok: false,
      reason: "unknown",
      message: "",
      fieldErrors: { code: CODE_UNKNOWN },
    });
    expect(await verifyDocument(db, client, { code: "ABCD-1234" }, NOW)).toEqual({
      ok: false,
      reason: "malformed",
      message: "",
      fieldErrors: { code: CODE_MALFORMED },
    });
    const rows = await db.auditEvent.findMany({
      where: { action: "verification.lookup", ip: client.ip },
      orderBy: { at: "asc" },
    });
    expect(rows.map((r) => [r.outcome, (r.details as { answer: string }).answer])).toEqual([
      ["failure", "unknown"],
      ["failure", "malformed"],
    ]);
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain(normaliseCode(unknown)!);
  });

  it("30 parallel wrong codes from one client: at most the miss budget answered, the rest refused", async () => {
    process.env.KUAIJI_VERIFY_PER_IP = "10";
    process.env.KUAIJI_VERIFY_CAPTCHA_AFTER_MISSES = "3";
    const client = freshClient();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => verifyDocument(db, client, { code: unknownCode() }, NOW)),
    );
    const by = (reason: string) => results.filter((r) => !r.ok && r.reason === reason).length;
    expect(by("unknown")).toBe(3);
    expect(by("captcha")).toBe(7);
    expect(by("limited")).toBe(20);
    expect(results.some((r) => r.ok)).toBe(false);
    expect(
      await db.auditEvent.count({ where: { action: "verification.lookup", ip: client.ip } }),
    ).toBe(3);
  });

  it("real codes from one client: the lookup budget answered, a hit never counts as a miss", async () => {
    process.env.KUAIJI_VERIFY_PER_IP = "10";
    process.env.KUAIJI_VERIFY_CAPTCHA_AFTER_MISSES = "3";
    const r = await issued(await collected());
    // one after another, as an employer checks a pile of documents: never a captcha
    const client = freshClient();
    const answers = [];
    for (let i = 0; i < 12; i++)
      answers.push(await verifyDocument(db, client, { code: r.code }, NOW));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers.slice(10).map((a) => !a.ok && a.reason)).toEqual(["limited", "limited"]);

    // all at once: every lookup still reserves a miss until its hit gives it back, so at most
    // the miss budget is looked up without a captcha at the same moment; never more than the
    // lookup budget is answered
    const other = freshClient();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => verifyDocument(db, other, { code: r.code }, NOW)),
    );
    const ok = results.filter((x) => x.ok).length;
    const captcha = results.filter((x) => !x.ok && x.reason === "captcha").length;
    expect(ok).toBeGreaterThanOrEqual(3);
    expect(ok + captcha).toBe(10);
    expect(results.filter((x) => !x.ok && x.reason === "limited")).toHaveLength(20);
  });

  it("after a few misses a client must solve the captcha; solved, the lookup is answered", async () => {
    process.env.KUAIJI_VERIFY_CAPTCHA_AFTER_MISSES = "2";
    const r = await issued(await collected());
    const client = freshClient();
    for (let i = 0; i < 2; i++) {
      expect(await verifyDocument(db, client, { code: unknownCode() }, NOW)).toMatchObject({
        reason: "unknown",
      });
    }
    expect(await verifyDocument(db, client, { code: r.code }, NOW)).toEqual({
      ok: false,
      reason: "captcha",
      message: "",
      fieldErrors: { captchaAnswer: CAPTCHA_NEEDED },
    });
    const wrong = { ...(await solvedCaptcha(db)), captchaAnswer: "nope" };
    expect(await verifyDocument(db, client, { code: r.code, ...wrong }, NOW)).toMatchObject({
      reason: "captcha",
    });
    const solved = await solvedCaptcha(db);
    expect(await verifyDocument(db, client, { code: r.code, ...solved }, NOW)).toMatchObject({
      ok: true,
      view: { status: "valid" },
    });
    // another client is not affected
    expect(await verifyDocument(db, freshClient(), { code: r.code }, NOW)).toMatchObject({
      ok: true,
    });
  });
});
