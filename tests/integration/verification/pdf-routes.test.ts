import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionPerson } from "@/lib/account/session-service";
import { recordCourse } from "@/lib/ce/courses";
import { STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import { db } from "@/lib/db/client";
import { verifyDocument } from "@/lib/verification/verify-service";
import { freshClient } from "../../support/accounts";
import { ceFixtures } from "../../support/ce";
import { ctx, NOW, personWithSession, tempStorageForFile } from "../../support/collection";
import { pdfText, pdfVerificationCode } from "../../support/pdf-text";

// The PDF routes of 我的档案 and 学分证明: whose document is decided by the session alone — the
// request names nobody — so one person can never fetch another's. The session is mocked here
// (next-auth's cookie is Next.js's business); everything after it is the real route.

let session: SessionPerson | null = null;
vi.mock("@/lib/auth/current-session", () => ({
  currentSession: async () => session,
}));

const { POST: archivePdf } = await import("@/app/[locale]/(account)/account/archive/pdf/route");
const { POST: certificatePdf } =
  await import("@/app/[locale]/(account)/account/ce/certificate/[year]/pdf/route");

const store = tempStorageForFile();
const { collected } = ceFixtures(store);

const GUANGZHOU: StaffActor = {
  staffId: "staff-gz",
  regionCodes: ["4401"],
  roles: STAFF_ROLES.codes,
};

const post = (path: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "x-forwarded-for": freshClient().ip },
  });

beforeEach(() => {
  session = null;
});

async function archiveNumberOf(personId: string) {
  return (await db.archive.findUniqueOrThrow({ where: { personId } })).archiveNumber;
}

describe("PDF routes", () => {
  it("without a session: back to 登录, nothing issued", async () => {
    const res = await archivePdf(post("/account/archive/pdf"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Faccount%2Farchive");
  });

  it("serves the session's own archive only: another person gets theirs, or nothing", async () => {
    const alice = await collected();
    const bob = await personWithSession(db); // registered, not collected
    const aliceNumber = await archiveNumberOf(alice.personId);

    session = bob;
    const refused = await archivePdf(post("/account/archive/pdf"));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/account/archive?pdf=not-collected");
    expect(await db.documentVerification.count({ where: { personId: alice.personId } })).toBe(0);

    session = alice;
    const res = await archivePdf(post("/account/archive/pdf"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain(`档案编号：${aliceNumber}`);
    expect(text).toContain("第1版");
    const code = pdfVerificationCode(pdf);
    expect(await verifyDocument(db, freshClient(), { code })).toMatchObject({
      ok: true,
      view: { archiveNumber: aliceNumber, status: "valid" },
    });

    // another collected person gets their own archive — never Alice's
    const carol = await collected();
    session = carol;
    const carolPdf = Buffer.from(
      await (await archivePdf(post("/account/archive/pdf"))).arrayBuffer(),
    );
    expect(pdfText(carolPdf)).toContain(`档案编号：${await archiveNumberOf(carol.personId)}`);
    expect(pdfText(carolPdf)).not.toContain(aliceNumber);
  });

  it("a 已完成 year's 学分证明: its code verifies as that year's certificate", async () => {
    const s = await collected();
    for (const [category, credits] of [
      ["PUBLIC", "30"],
      ["PROFESSIONAL", "60"],
    ] as const) {
      const r = await recordCourse(
        db,
        ctx,
        GUANGZHOU,
        {
          personId: s.personId,
          year: 2026,
          courseName: `课程${category}`,
          provider: "某继续教育机构",
          category,
          credits,
          completed: true,
        },
        NOW,
      );
      expect(r.ok).toBe(true);
    }
    session = s;
    // a year without a certificate comes back to its page with the reason
    const none = await certificatePdf(post("/account/ce/certificate/2025/pdf"), {
      params: Promise.resolve({ year: "2025" }),
    });
    expect(none.headers.get("location")).toBe("/account/ce/certificate/2025?pdf=no-certificate");

    const res = await certificatePdf(post("/account/ce/certificate/2026/pdf"), {
      params: Promise.resolve({ year: "2026" }),
    });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain("继续教育学分证明");
    expect(text).toContain(`${await archiveNumberOf(s.personId)}（第1版）`);
    expect(text).toContain("课程PUBLIC");
    const v = await verifyDocument(db, freshClient(), { code: pdfVerificationCode(pdf) });
    expect(v).toMatchObject({
      ok: true,
      view: { document: "2026年度继续教育学分证明", status: "valid", version: 1 },
    });
  });
});
