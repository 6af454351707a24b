import { describe, expect, it } from "vitest";
import { STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import { claimForReview, claimsForReview, pendingCounts } from "@/lib/ce/review-queries";
import { readableAttachment } from "@/lib/upload/attachment-service";
import { db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import {
  findPersonInScope,
  personCeForStaff,
  personForStaff,
  personHistoryForStaff,
} from "@/lib/staff/person-lookup";
import { PERSON_NOT_IN_SCOPE } from "@/lib/region/scope";
import { changeArchiveItem } from "@/lib/change/change-service";
import { ceFixtures, exam } from "../../support/ce";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";

const store = tempStorageForFile();
const { collected, evidence, claimId } = ceFixtures(store);

// Test people work in 440106 天河区. Their claims are moved to a county no other test uses
// (440111 白云区) where a test needs the whole of a region's list to itself.
const ROLES = ["archive-read", "ce-review", "ce-course"];
const TIANHE: StaffActor = { staffId: "staff-th", regionCodes: ["440106"], roles: ROLES };
const GUANGZHOU: StaffActor = { staffId: "staff-gz", regionCodes: ["440100"], roles: ROLES };
const FOSHAN: StaffActor = { staffId: "staff-fs", regionCodes: ["440600"], roles: ROLES };
const BAIYUN: StaffActor = { staffId: "staff-by", regionCodes: ["440111"], roles: ROLES };

async function moveToBaiyun(personId: string) {
  await db.person.update({ where: { id: personId }, data: { regionCode: "440111" } });
  await db.ceCredit.updateMany({ where: { personId }, data: { regionCode: "440111" } });
}

describe("学分认定 lists", () => {
  it("lists a region's claims awaiting recognition oldest first, and none of another region's", async () => {
    // other files (the bulk seed) may have left 学习中 courses in 白云区: count from here
    const { enrolled } = await pendingCounts(db, BAIYUN);
    const a = await collected();
    const b = await collected();
    const first = await claimId(a, exam(await evidence(a)));
    const second = await claimId(b, {
      kind: "CONFERENCE",
      year: 2026,
      name: "管理会计论坛",
      organiser: "广东省会计学会",
      days: 2,
      attachmentId: await evidence(b),
    });
    await moveToBaiyun(a.personId);
    await moveToBaiyun(b.personId);

    const page = await claimsForReview(db, BAIYUN, "claimed");
    expect(page.total).toBe(2);
    expect(page.nextCursor).toBeNull();
    expect(page.rows.map((r) => r.id)).toEqual([first, second]);
    expect(page.rows[1]).toMatchObject({
      personName: b.name,
      idNumberMasked: b.idNumberMasked,
      regionName: "广东省 广州市 白云区",
      kindLabel: "参加会计类专业会议",
      credits: 20,
      stateLabel: "待认定",
    });
    expect((await claimsForReview(db, GUANGZHOU, "claimed")).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([first, second]),
    );
    const foshan = await claimsForReview(db, FOSHAN, "claimed");
    expect(foshan.rows.map((r) => r.id)).not.toContain(first);
    expect(
      await claimsForReview(
        db,
        { staffId: "x", regionCodes: ["bogus"], roles: STAFF_ROLES.codes },
        "claimed",
      ),
    ).toEqual({
      rows: [],
      total: 0,
      nextCursor: null,
    });
    expect(await pendingCounts(db, BAIYUN)).toEqual({ claims: 2, enrolled });
    expect(await claimsForReview(db, BAIYUN, "recognised")).toMatchObject({ total: 0 });
  });

  it("shows one claim with what it said, only within the region", async () => {
    const s = await collected();
    const evidenceId = await evidence(s);
    const id = await claimId(s, exam(evidenceId));
    const view = await claimForReview(db, ctx, TIANHE, id);
    expect(view).toMatchObject({
      id,
      evidenceId,
      title: "全国会计专业技术资格考试（中级会计实务）",
      details: [
        { label: "考试通过年度", value: "2026年" },
        { label: "考试名称", value: "全国会计专业技术资格考试" },
        { label: "通过科目", value: "中级会计实务" },
      ],
    });
    expect(await claimForReview(db, ctx, FOSHAN, id)).toBeNull();
    expect(await claimForReview(db, ctx, TIANHE, "not-a-uuid")).toBeNull();
    // the read is on the record, once, under the reviewer; refusals read nothing
    const views = await db.auditEvent.findMany({
      where: { action: "ce.claim-view", targetId: id },
      select: { actorId: true, regionCode: true },
    });
    expect(views).toEqual([{ actorId: TIANHE.staffId, regionCode: "440106" }]);
  });
});

describe("finance staff reading personal data", () => {
  it("finds a person of the region by 证件号码 and records every lookup", async () => {
    const s = await collected();
    const row = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
    // The fixture keeps no number in clear: read it as the owner's own pages do.
    const idNumber = decryptField(row.idNumberCipher);

    expect(await findPersonInScope(db, ctx, GUANGZHOU, idNumber.toLowerCase())).toEqual({
      ok: true,
      personId: s.personId,
    });
    expect(await findPersonInScope(db, ctx, FOSHAN, idNumber)).toEqual({
      ok: false,
      message: PERSON_NOT_IN_SCOPE,
    });
    const audits = await db.auditEvent.findMany({
      where: { action: "staff.person-lookup", actorId: { in: ["staff-gz", "staff-fs"] } },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(audits.map((a) => [a.actorId, a.outcome, a.targetId])).toEqual([
      ["staff-fs", "failure", null],
      ["staff-gz", "success", s.personId],
    ]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(idNumber);

    expect(await personForStaff(db, GUANGZHOU, s.personId)).toMatchObject({
      name: s.name,
      regionName: "广东省 广州市 天河区",
    });
    expect(await personForStaff(db, FOSHAN, s.personId)).toBeNull();

    // the 继续教育 page's read is on the record; another region's attempt reads nothing
    expect(await personCeForStaff(db, ctx, GUANGZHOU, s.personId)).toMatchObject({ name: s.name });
    expect(await personCeForStaff(db, ctx, FOSHAN, s.personId)).toBeNull();
    expect(
      await db.auditEvent.findMany({
        where: { action: "staff.ce-view", targetId: s.personId },
        select: { actorId: true },
      }),
    ).toEqual([{ actorId: GUANGZHOU.staffId }]);
  });

  it("lets staff see the evidence of a claim of their region, and no other file", async () => {
    const s = await collected();
    const id = await evidence(s);
    // A reviewer of claims only: 调转附件 would need transfer-review.
    const staff = (r: StaffActor) => ({
      type: "staff" as const,
      staffId: r.staffId,
      claimRegions: r.regionCodes,
      transferRegions: [],
      archiveRegions: [],
    });
    // Not yet claimed: nobody's work but the owner's.
    expect(await readableAttachment(db, id, staff(GUANGZHOU))).toBeNull();
    await claimId(s, exam(id));
    expect(await readableAttachment(db, id, staff(GUANGZHOU))).toMatchObject({
      regionCode: "440106",
    });
    expect(await readableAttachment(db, id, staff(FOSHAN))).toBeNull();
    // Archive files (the headshot, the document pages) need archive-read (人员详情).
    const headshot = await db.archiveVersionAttachment.findFirstOrThrow({
      where: { version: { archive: { personId: s.personId } }, role: "personal.headshotId" },
    });
    expect(await readableAttachment(db, headshot.attachmentId, staff(GUANGZHOU))).toBeNull();
    // The claim's region decides, as in the 学分认定 lists — not where the person is now.
    await db.person.update({ where: { id: s.personId }, data: { regionCode: "440604" } });
    expect(await readableAttachment(db, id, staff(GUANGZHOU))).not.toBeNull();
    expect(await readableAttachment(db, id, staff(FOSHAN))).toBeNull();
  });

  it("shows staff of the region the person's 变更记录, and records the read", async () => {
    const s = await collected();
    const version = await db.archiveVersion.findFirstOrThrow({
      where: { archive: { personId: s.personId } },
    });
    const work = (version.snapshot as { work: Record<string, unknown> }).work;
    const changed = await changeArchiveItem(
      db,
      ctx,
      s,
      { ref: { step: "work" }, data: { ...work, regionCode: "440104" }, baseVersion: 1 },
      NOW,
    );
    expect(changed.ok).toBe(true);

    const seen = await personHistoryForStaff(db, ctx, GUANGZHOU, s.personId);
    expect(seen?.history).toMatchObject([{ version: 2, channel: "change" }]);
    expect(seen?.history[0]!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ after: "广东省 广州市 越秀区" })]),
    );
    expect(
      await db.auditEvent.count({
        where: { action: "staff.history-view", actorId: "staff-gz", targetId: s.personId },
      }),
    ).toBe(1);
    expect(await personHistoryForStaff(db, ctx, FOSHAN, s.personId)).toBeNull();
  });
});
