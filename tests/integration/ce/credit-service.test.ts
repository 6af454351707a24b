import { describe, expect, it, vi } from "vitest";
import { STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import { REGION_LOCKED, TRANSFER_LOCKED, editLocks } from "@/lib/person/locks";
import { ALREADY_REVIEWED, reviewClaim } from "@/lib/ce/claim-review";
import { NOT_WITHDRAWABLE, DUPLICATE_CLAIM, submitClaim, withdrawClaim } from "@/lib/ce/claims";
import { NOT_ENROLLED, completeCourse, recordCourse } from "@/lib/ce/courses";
import { ceOverview, ceObligationStart } from "@/lib/ce/overview";
import { CREDIT_NOT_FOUND, PERSON_TRANSFER_LOCKED } from "@/lib/ce/record-steps";
import { REJECT_REASON_REQUIRED } from "@/lib/ce/review-rules";
import { ATTACHMENT_INVALID } from "@/lib/collection/draft-service";
import { db } from "@/lib/db/client";
import { changeArchiveItem } from "@/lib/change/change-service";
import { ctx, NOW, personWithSession, tempStorageForFile, upload } from "../../support/collection";
import { ceFixtures, exam } from "../../support/ce";

const store = tempStorageForFile();

/** Finance staff of 广州市 (the test person works in 440106 天河区) and of 深圳市. */
const GUANGZHOU: StaffActor = {
  staffId: "staff-gz",
  regionCodes: ["4401"],
  roles: STAFF_ROLES.codes,
};
const SHENZHEN: StaffActor = {
  staffId: "staff-sz",
  regionCodes: ["440300"],
  roles: STAFF_ROLES.codes,
};

const { collected, evidence, claimId } = ceFixtures(store);

const course = (personId: string, over: Record<string, unknown> = {}) => ({
  personId,
  year: 2026,
  courseName: "会计人员职业道德",
  provider: "某继续教育机构",
  category: "PUBLIC",
  credits: "30",
  completed: true,
  ...over,
});

async function auditRows(targetId: string) {
  return db.auditEvent.findMany({ where: { targetId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

describe("继续教育 overview", () => {
  it("starts the obligation the year after a qualification when that comes first", async () => {
    const s = await collected({ qualified: true });
    const o = await ceOverview(db, s.personId, NOW);
    expect(o.obligationStartYear).toBe(2020);
    expect(o.years.map((y) => y.year)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020]);
    expect(o.years.at(-1)!.stateLabel).toBe("未完成");
    expect(o.years[0]!.stateLabel).toBe("进行中");
    expect(o.inProgress).toBe(false);
    expect(o.locked).toBeNull();
  });

  it("shows obliged years before the platform's records begin as 无记录, not 未完成", async () => {
    const s = await collected({ qualified: true });
    expect((await ceOverview(db, s.personId, NOW)).recordsFromYear).toBe(2020);
    vi.stubEnv("KUAIJI_CE_RECORDS_FROM_YEAR", "2023");
    try {
      const o = await ceOverview(db, s.personId, NOW);
      expect(o.recordsFromYear).toBe(2023);
      expect(o.years.map((y) => [y.year, y.stateLabel])).toEqual([
        [2026, "进行中"],
        [2025, "未完成"],
        [2024, "未完成"],
        [2023, "未完成"],
        [2022, "无记录"],
        [2021, "无记录"],
        [2020, "无记录"],
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("starts with the year of entering accounting otherwise, and is empty before collection", async () => {
    const s = await collected();
    expect((await ceOverview(db, s.personId, NOW)).obligationStartYear).toBe(2022);
    const fresh = await personWithSession(db);
    const o = await ceOverview(db, fresh.personId, NOW);
    expect(o).toMatchObject({ obligationStartYear: null, years: [], inProgress: false });
  });

  it("shows a year meeting Guangdong's 公需30 + 专业60 as 已完成", async () => {
    const s = await collected();
    const pub = await recordCourse(db, ctx, GUANGZHOU, course(s.personId), NOW);
    expect(pub.ok).toBe(true);
    const pro = await recordCourse(
      db,
      ctx,
      GUANGZHOU,
      course(s.personId, {
        courseName: "政府会计准则制度解读",
        category: "PROFESSIONAL",
        credits: "60",
        completed: false,
      }),
      NOW,
    );
    if (!pro.ok) throw new Error(JSON.stringify(pro));

    let o = await ceOverview(db, s.personId, NOW);
    let y2026 = o.years[0]!;
    expect(y2026).toMatchObject({ year: 2026, stateLabel: "进行中", inProgressCount: 1 });
    expect(y2026.earned).toEqual({ total: 30, public: 30, professional: 0 });
    expect(o.inProgress).toBe(true);

    expect(await completeCourse(db, ctx, GUANGZHOU, pro.id, NOW)).toEqual({ ok: true });
    o = await ceOverview(db, s.personId, NOW);
    y2026 = o.years[0]!;
    expect(y2026).toMatchObject({ state: "COMPLETE", stateLabel: "已完成" });
    expect(y2026.certificateAvailable).toBe(true);
    expect(
      y2026.records.map((r) => [r.kindLabel, r.categoryLabel, r.credits, r.stateLabel]),
    ).toEqual(
      expect.arrayContaining([
        ["培训机构课程", "公需科目", 30, "已学完"],
        ["培训机构课程", "专业科目", 60, "已学完"],
      ]),
    );
    expect(o.inProgress).toBe(false);
    // Completing twice is refused: it is no longer 学习中.
    expect(await completeCourse(db, ctx, GUANGZHOU, pro.id, NOW)).toMatchObject({
      ok: false,
      message: NOT_ENROLLED,
    });
    expect((await auditRows(pro.id)).map((a) => [a.action, a.actorType, a.actorId])).toEqual([
      ["ce.course-record", "staff", "staff-gz"],
      ["ce.course-complete", "staff", "staff-gz"],
    ]);
  });

  it("keeps a year at 未完成 with 90 专业 credits but no 公需", async () => {
    const s = await collected();
    const id = await claimId(s, exam(await evidence(s), 2025));
    expect(await reviewClaim(db, ctx, GUANGZHOU, id, "recognise", undefined, NOW)).toEqual({
      ok: true,
    });
    const y2025 = (await ceOverview(db, s.personId, NOW)).years.find((y) => y.year === 2025)!;
    expect(y2025.earned).toEqual({ total: 90, public: 0, professional: 90 });
    expect(y2025.stateLabel).toBe("未完成");
    expect(y2025.shortfall.public).toBe(30);
  });
});

describe("学分申报", () => {
  it("stores a claim as 待认定 with its credits, category, region, title and evidence", async () => {
    const s = await collected();
    const att = await evidence(s);
    const id = await claimId(s, {
      kind: "CONFERENCE",
      year: "2026",
      name: "广东省会计学会年会",
      organiser: "广东省会计学会",
      days: "2",
      attachmentId: att,
    });
    const row = await db.ceCredit.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      personId: s.personId,
      regionCode: "440106",
      year: 2026,
      kind: "CONFERENCE",
      category: "PROFESSIONAL",
      state: "claimed",
      title: "广东省会计学会年会",
      evidenceId: att,
    });
    expect(row.credits.toNumber()).toBe(20);
    expect(row.details).toMatchObject({ days: 2, organiser: "广东省会计学会" });
    const file = await db.attachment.findUniqueOrThrow({ where: { id: att } });
    expect(file.orphanedAt).toBeNull();
    const [a] = await auditRows(id);
    expect(a).toMatchObject({ action: "ce.claim-submit", actorType: "person", outcome: "success" });
    expect(JSON.stringify(a!.details)).not.toContain("年会");

    const view = (await ceOverview(db, s.personId, NOW)).years[0]!.records[0]!;
    expect(view).toMatchObject({
      kindLabel: "参加会计类专业会议",
      categoryLabel: "专业科目",
      credits: 20,
      stateLabel: "待认定",
      withdrawable: true,
      reviewReason: null,
    });
  });

  it("refuses a year before the obligation start or in the future", async () => {
    const s = await collected();
    const att = await evidence(s);
    const early = await submitClaim(db, ctx, s, exam(att, 2021), NOW);
    expect(early).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { year: "考试通过年度不能早于2022年（您开始参加继续教育的年度）" },
    });
    const future = await submitClaim(db, ctx, s, exam(att, 2027), NOW);
    expect(future).toMatchObject({
      fieldErrors: { year: "考试通过年度不能晚于今年（2026年）" },
    });
    expect(await db.ceCredit.count({ where: { personId: s.personId } })).toBe(0);
  });

  it("refuses an unknown kind and asks for collection first", async () => {
    const s = await collected();
    expect(await submitClaim(db, ctx, s, { kind: "COURSE" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { kind: "请选择学分来源" },
    });
    const fresh = await personWithSession(db);
    expect(await submitClaim(db, ctx, fresh, exam("x"), NOW)).toMatchObject({
      ok: false,
      reason: "not-collected",
    });
  });

  it("refuses evidence of someone else, of another kind or that does not exist", async () => {
    const s = await collected();
    const other = await collected();
    const theirs = await evidence(other);
    const headshot = await upload(db, store.current.storage, s, "headshot");
    for (const att of [theirs, headshot, "0192f6f0-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const r = await submitClaim(db, ctx, s, exam(att), NOW);
      expect(r).toMatchObject({ ok: false, fieldErrors: { attachmentId: ATTACHMENT_INVALID } });
    }
    // The other person's file stays an orphan: the refusal changed nothing.
    const file = await db.attachment.findUniqueOrThrow({ where: { id: theirs } });
    expect(file.orphanedAt).not.toBeNull();
    expect(await db.ceCredit.count({ where: { personId: s.personId } })).toBe(0);
  });

  it("lets the person withdraw a pending claim, orphaning its evidence, but not a reviewed one", async () => {
    const s = await collected();
    const att = await evidence(s);
    const id = await claimId(s, exam(att));
    const other = await collected();
    expect(await withdrawClaim(db, ctx, other, id, NOW)).toMatchObject({
      ok: false,
      message: CREDIT_NOT_FOUND,
    });
    for (const bad of ["not-a-uuid", "0192f6f0-0000-7000-8000-000000000000"]) {
      expect(await withdrawClaim(db, ctx, s, bad, NOW)).toMatchObject({ reason: "not-found" });
      expect(await reviewClaim(db, ctx, GUANGZHOU, bad, "recognise", undefined, NOW)).toMatchObject(
        { reason: "not-found" },
      );
    }
    expect(await withdrawClaim(db, ctx, s, id, NOW)).toEqual({ ok: true });
    expect(await db.ceCredit.findUnique({ where: { id } })).toBeNull();
    expect((await db.attachment.findUniqueOrThrow({ where: { id: att } })).orphanedAt).toEqual(NOW);
    expect((await auditRows(id)).map((a) => a.action)).toEqual([
      "ce.claim-submit",
      "ce.claim-withdraw",
    ]);

    const reviewed = await claimId(s, exam(att));
    await reviewClaim(db, ctx, GUANGZHOU, reviewed, "recognise", undefined, NOW);
    expect(await withdrawClaim(db, ctx, s, reviewed, NOW)).toMatchObject({
      ok: false,
      reason: "reviewed",
      message: NOT_WITHDRAWABLE,
    });
  });
});

describe("locks", () => {
  it("refuses every write while a transfer-out is under way, and shows the lock", async () => {
    const s = await collected();
    const att = await evidence(s);
    const pending = await claimId(s, exam(att));
    const enrolled = await recordCourse(
      db,
      ctx,
      GUANGZHOU,
      course(s.personId, { completed: false }),
      NOW,
    );
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled));
    await db.person.update({ where: { id: s.personId }, data: { transferState: "OUT_PENDING" } });

    const locked = { ok: false, reason: "locked", message: TRANSFER_LOCKED };
    expect(await submitClaim(db, ctx, s, exam(att), NOW)).toEqual(locked);
    expect(await withdrawClaim(db, ctx, s, pending, NOW)).toEqual(locked);
    // Finance staff are told in their own words (the accountant's say 您).
    const staffLocked = { ...locked, message: PERSON_TRANSFER_LOCKED };
    expect(await reviewClaim(db, ctx, GUANGZHOU, pending, "recognise", undefined, NOW)).toEqual(
      staffLocked,
    );
    expect(await recordCourse(db, ctx, GUANGZHOU, course(s.personId), NOW)).toEqual(staffLocked);
    expect(await completeCourse(db, ctx, GUANGZHOU, enrolled.id, NOW)).toEqual(staffLocked);
    expect(await db.ceCredit.count({ where: { personId: s.personId } })).toBe(2);
    expect((await ceOverview(db, s.personId, NOW)).locked).toBe(TRANSFER_LOCKED);
  });

  it("locks the region while a claim awaits recognition and frees it once recognised", async () => {
    const s = await collected();
    const id = await claimId(s, exam(await evidence(s)));
    expect((await editLocks(db, s.personId)).region).toBe(REGION_LOCKED);
    expect((await ceOverview(db, s.personId, NOW)).inProgress).toBe(true);
    expect(await reviewClaim(db, ctx, GUANGZHOU, id, "recognise", undefined, NOW)).toEqual({
      ok: true,
    });
    expect((await editLocks(db, s.personId)).region).toBeNull();
    const row = await db.ceCredit.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "recognised", reviewedBy: "staff-gz", reviewedAt: NOW });
  });

  it("frees the region when the claim is withdrawn", async () => {
    const s = await collected();
    const id = await claimId(s, exam(await evidence(s)));
    await withdrawClaim(db, ctx, s, id, NOW);
    expect((await editLocks(db, s.personId)).region).toBeNull();
  });
});

describe("认定", () => {
  it("needs a reason to reject, and keeps it for the person to read", async () => {
    const s = await collected();
    const id = await claimId(s, exam(await evidence(s)));
    for (const reason of [undefined, "", "   "]) {
      expect(await reviewClaim(db, ctx, GUANGZHOU, id, "reject", reason, NOW)).toMatchObject({
        ok: false,
        reason: "invalid",
        fieldErrors: { reason: REJECT_REASON_REQUIRED },
      });
    }
    expect((await db.ceCredit.findUniqueOrThrow({ where: { id } })).state).toBe("claimed");
    const why = "成绩证明不清晰，请重新上传";
    expect(await reviewClaim(db, ctx, GUANGZHOU, id, "reject", ` ${why} `, NOW)).toEqual({
      ok: true,
    });
    const view = (await ceOverview(db, s.personId, NOW)).years[0]!.records[0]!;
    expect(view).toMatchObject({ stateLabel: "不予认定", reviewReason: why, withdrawable: false });
    expect((await editLocks(db, s.personId)).region).toBeNull();
    const review = (await auditRows(id)).find((a) => a.action === "ce.claim-review")!;
    expect(review).toMatchObject({ actorType: "staff", actorId: "staff-gz" });
    expect(JSON.stringify(review.details)).not.toContain(why);
    // Only a claim awaiting recognition can be reviewed.
    expect(await reviewClaim(db, ctx, GUANGZHOU, id, "recognise", undefined, NOW)).toMatchObject({
      ok: false,
      reason: "stale",
      message: ALREADY_REVIEWED,
    });
  });

  it("refuses finance staff of another region, and lets the province's staff review", async () => {
    const s = await collected();
    const id = await claimId(s, exam(await evidence(s)));
    // another region's person or claim reads exactly like none at all
    const refused = { ok: false, reason: "not-found", message: CREDIT_NOT_FOUND };
    expect(await reviewClaim(db, ctx, SHENZHEN, id, "recognise", undefined, NOW)).toEqual(refused);
    expect(await recordCourse(db, ctx, SHENZHEN, course(s.personId), NOW)).toEqual(refused);
    expect(await db.ceCredit.count({ where: { personId: s.personId, state: "claimed" } })).toBe(1);
    expect(await db.ceCredit.count({ where: { personId: s.personId, kind: "COURSE" } })).toBe(0);

    const province: StaffActor = {
      staffId: "staff-gd",
      regionCodes: ["44"],
      roles: STAFF_ROLES.codes,
    };
    expect(await reviewClaim(db, ctx, province, id, "recognise", undefined, NOW)).toEqual({
      ok: true,
    });
  });

  it("refuses a course entry the rules refuse, in Chinese, at the field", async () => {
    const s = await collected();
    const r = await recordCourse(
      db,
      ctx,
      GUANGZHOU,
      course(s.personId, { credits: "90.5", year: 2021, category: "X" }),
      NOW,
    );
    expect(r).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        credits: "学分应为大于0且不超过90的数，最多一位小数",
        year: "学习年度不能早于2022年（该会计人员开始参加继续教育的年度）",
        category: "请选择科目类别",
      },
    });
  });
});

describe("review fixes", () => {
  it("refuses the same exam subject claimed twice, even in another year", async () => {
    const s = await collected({ qualified: true });
    await claimId(s, exam(await evidence(s), 2025));
    const again = await submitClaim(db, ctx, s, exam(await evidence(s), 2026), NOW);
    expect(again).toEqual({ ok: false, reason: "duplicate", message: DUPLICATE_CLAIM });
    expect(await db.ceCredit.count({ where: { personId: s.personId } })).toBe(1);
  });

  it("keeps the obligation start when 在岗状态 changes or a qualification is removed", async () => {
    const s = await collected({ qualified: true });
    expect(await ceObligationStart(db, s.personId)).toBe(2020);
    const archive = await db.archive.findUniqueOrThrow({ where: { personId: s.personId } });
    const changed = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "professional", list: "qualifications", index: 0 },
        data: null,
        baseVersion: archive.currentVersion,
      },
      NOW,
    );
    expect(changed.ok).toBe(true);
    expect(await ceObligationStart(db, s.personId)).toBe(2020);
  });

  it("a claim slipping in between the check and the save still blocks the region change", async () => {
    const s = await collected();
    const att = await evidence(s);
    const archive = await db.archive.findUniqueOrThrow({ where: { personId: s.personId } });
    // The claim is made by "another tab" just as the change's transaction starts.
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$transaction") {
          return async (fn: unknown, opts?: unknown) => {
            await claimId(s, exam(att));
            return (target.$transaction as (f: unknown, o?: unknown) => Promise<unknown>)(fn, opts);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    const version = await db.archiveVersion.findFirstOrThrow({ where: { archiveId: archive.id } });
    const work = (version.snapshot as { work: Record<string, unknown> }).work;
    const r = await changeArchiveItem(
      racing,
      ctx,
      s,
      { ref: { step: "work" }, data: { ...work, regionCode: "440402" }, baseVersion: 1 },
      NOW,
    );
    expect(r).toMatchObject({ ok: false, fieldErrors: { regionCode: REGION_LOCKED } });
    expect((await db.person.findUniqueOrThrow({ where: { id: s.personId } })).regionCode).toBe(
      "440106",
    );
  });
});
