import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import { PERSON_NOT_IN_SCOPE } from "@/lib/region/scope";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import {
  findPersonInScope,
  PERSON_NOT_FOUND,
  personDetailForStaff,
  revealIdNumber,
} from "@/lib/staff/person-lookup";
import { readableAttachment } from "@/lib/upload/attachment-service";
import {
  findPersonByIdNumberAction,
  revealIdNumberAction,
} from "@/app/[locale]/console/(staff)/people/actions";
import { ceFixtures } from "../../support/ce";
import { ctx, personWithSession, tempStorageForFile } from "../../support/collection";
import { createEnrolledStaff, staffSessionOf } from "../../support/staff";
import { auditText } from "../../support/audit-text";

// One person by 证件号码, the number revealed, the 人员详情 read: each only within the staff
// member's region (own, parent; never a sibling or a child region), each on the audit record.

const token = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (token.sid ? { sid: token.sid } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest-search" }),
  cookies: async () => ({ get: () => undefined }),
}));

const store = tempStorageForFile();
const { collected } = ceFixtures(store);

const scope = (staffId: string, ...regionCodes: string[]): StaffActor => ({
  staffId,
  regionCodes,
  roles: ["archive-read"],
});
const OWN = scope("person-own", "620102");
const PARENT = scope("person-city", "620100");
const PROVINCE = scope("person-province", "620000");
const SIBLING = scope("person-sibling", "620103");
const CHILD = scope("person-child", "620102");

/** A registered person moved to `regionCode`, and their number in clear (as the owner reads it). */
async function personIn(regionCode: string) {
  const s = await personWithSession(db);
  const row = await db.person.update({ where: { id: s.personId }, data: { regionCode } });
  return { personId: s.personId, idNumber: decryptField(row.idNumberCipher) };
}

async function lastAudit(action: string, actorId: string) {
  return db.auditEvent.findFirst({ where: { action, actorId }, orderBy: { id: "desc" } });
}

describe("按证件号码查询", () => {
  it("finds a person of the region or below, and nobody elsewhere, the same way as unknown", async () => {
    const p = await personIn("620102");
    for (const who of [OWN, PARENT, PROVINCE]) {
      expect(await findPersonInScope(db, ctx, who, p.idNumber)).toEqual({
        ok: true,
        personId: p.personId,
      });
    }
    const refused = { ok: false, message: PERSON_NOT_IN_SCOPE };
    expect(await findPersonInScope(db, ctx, SIBLING, p.idNumber)).toEqual(refused);
    expect(await findPersonInScope(db, ctx, SIBLING, "110105194912310029")).toEqual(refused);
    // Someone known only as 兰州市 is above a county's scope.
    const cityOnly = await personIn("620100");
    expect(await findPersonInScope(db, ctx, CHILD, cityOnly.idNumber)).toEqual(refused);
    expect(await findPersonInScope(db, ctx, PARENT, cityOnly.idNumber)).toMatchObject({ ok: true });
  });
});

describe("显示完整证件号码", () => {
  it("decrypts for staff of the region, on the record with person and region", async () => {
    const p = await personIn("620102");
    expect(await revealIdNumber(db, ctx, PARENT, p.personId)).toEqual({
      ok: true,
      idNumber: p.idNumber,
    });
    const audit = await lastAudit("staff.id-reveal", PARENT.staffId);
    expect(audit).toMatchObject({
      outcome: "success",
      regionCode: "620102",
      targetType: "person",
      targetId: p.personId,
    });
    expect(auditText(audit)).not.toContain(p.idNumber);
  });

  it("refuses another region's person like a missing one, and records the attempt", async () => {
    const p = await personIn("620102");
    for (const who of [SIBLING, scope("person-bad", "")]) {
      expect(await revealIdNumber(db, ctx, who, p.personId)).toEqual({
        ok: false,
        message: PERSON_NOT_FOUND,
      });
      expect(await lastAudit("staff.id-reveal", who.staffId)).toMatchObject({
        outcome: "denied",
        regionCode: null,
        targetId: p.personId,
      });
    }
    expect(await revealIdNumber(db, ctx, SIBLING, "00000000-0000-7000-8000-000000000000")).toEqual({
      ok: false,
      message: PERSON_NOT_FOUND,
    });
    expect(await revealIdNumber(db, ctx, SIBLING, "../etc")).toEqual({
      ok: false,
      message: PERSON_NOT_FOUND,
    });
  });

  it("is an action for archive-read only: without the role nothing is decrypted or read", async () => {
    // Staff accounts exist only within the jurisdiction (广东): 汕尾市, 海丰县 and 陆河县.
    const p = await personIn("441521");
    const reader = await createEnrolledStaff(db, "441500", ["archive-read"]);
    const other = await createEnrolledStaff(db, "441500", ["ce-review", "ce-course", "export"]);
    const sibling = await createEnrolledStaff(db, "441523", ["archive-read"]);

    token.sid = await staffSessionOf(db, other);
    expect(await revealIdNumberAction({ personId: p.personId })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: ROLE_DENIED,
    });
    expect(await findPersonByIdNumberAction({ idNumber: p.idNumber })).toMatchObject({
      ok: false,
      formError: ROLE_DENIED,
    });
    expect(await lastAudit("staff.id-reveal", other.id)).toBeNull();
    expect(await lastAudit("staff.person-lookup", other.id)).toBeNull();

    token.sid = await staffSessionOf(db, sibling);
    expect(await revealIdNumberAction({ personId: p.personId })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: PERSON_NOT_FOUND,
    });
    expect(await findPersonByIdNumberAction({ idNumber: p.idNumber })).toEqual({
      ok: false,
      fieldErrors: { idNumber: PERSON_NOT_IN_SCOPE },
    });

    token.sid = await staffSessionOf(db, reader);
    expect(await revealIdNumberAction({ personId: p.personId })).toEqual({
      ok: true,
      data: { idNumber: p.idNumber },
    });
    expect(await findPersonByIdNumberAction({ idNumber: p.idNumber })).toEqual({
      ok: true,
      data: { personId: p.personId },
    });
    expect(await lastAudit("staff.id-reveal", reader.id)).toMatchObject({
      outcome: "success",
      targetId: p.personId,
    });
    token.sid = null;
  });
});

describe("人员详情", () => {
  const GUANGZHOU = scope("detail-gz", "440100");
  const FOSHAN = scope("detail-fs", "440600");

  it("shows the region's staff the archive, versions, 继续教育 and transfers, and records the read", async () => {
    const s = await collected();
    const detail = await personDetailForStaff(db, ctx, GUANGZHOU, s.personId);
    expect(detail).toMatchObject({
      person: { personId: s.personId, regionCode: "440106" },
      archive: { version: 1, regionCode: "440106" },
      history: [],
      transfers: [],
    });
    expect(detail!.archive!.snapshot.personal.headshotId).toBeTruthy();
    expect(detail!.ce.years.length).toBeGreaterThan(0);
    expect(await lastAudit("staff.person-view", GUANGZHOU.staffId)).toMatchObject({
      outcome: "success",
      regionCode: "440106",
      targetId: s.personId,
    });

    expect(await personDetailForStaff(db, ctx, FOSHAN, s.personId)).toBeNull();
    expect(await personDetailForStaff(db, ctx, FOSHAN, "not-an-id")).toBeNull();
    expect(await lastAudit("staff.person-view", FOSHAN.staffId)).toBeNull();
  });

  it("serves archived files to archive-read staff of the person's region only", async () => {
    const s = await collected();
    const headshot = await db.archiveVersionAttachment.findFirstOrThrow({
      where: { version: { archive: { personId: s.personId } }, role: "personal.headshotId" },
    });
    const viewer = (who: StaffActor, archive: boolean) => ({
      type: "staff" as const,
      staffId: who.staffId,
      claimRegions: [],
      transferRegions: [],
      archiveRegions: archive ? who.regionCodes : [],
    });
    expect(
      await readableAttachment(db, headshot.attachmentId, viewer(GUANGZHOU, true)),
    ).toMatchObject({
      regionCode: "440106",
    });
    expect(
      await readableAttachment(db, headshot.attachmentId, viewer(GUANGZHOU, false)),
    ).toBeNull();
    expect(await readableAttachment(db, headshot.attachmentId, viewer(FOSHAN, true))).toBeNull();
  });
});
