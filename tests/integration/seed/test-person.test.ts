import { describe, expect, it } from "vitest";
import { collectionStatus, currentArchive } from "@/lib/collection/archive-service";
import { decryptField } from "@/lib/crypto/field-cipher";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { hasValidGb11643Check } from "@/lib/identity/gb11643";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { loadProjectionSources } from "@/lib/search/projection";
import { personSearchRow } from "@/lib/search/projection-row";
import { createTestPerson } from "@/lib/seed/test-person";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";

// POST /api/test/people's module on the test database: the people the end-to-end suites start
// from must be what 注册 and the wizard make, or a spec would pass against a person nobody can be.

const store = tempStorageForFile();

async function make(collected: boolean, name = "林晓峰") {
  const made = await createTestPerson(
    db,
    store.current.storage,
    ctx,
    { collected, name },
    { registerFile: false, now: NOW },
  );
  const person = await db.person.findUniqueOrThrow({ where: { id: made.personId } });
  return { made, person };
}

async function auditActions(personId: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    where: { actorId: personId },
    orderBy: { id: "asc" },
    select: { action: true, outcome: true },
  });
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

async function storedAndRecomputedProjection(personId: string) {
  const [source] = await db.$transaction((tx) =>
    loadProjectionSources(tx, Prisma.sql`p.id = ${personId}::uuid`, { lock: false }),
  );
  const stored = await db.personSearch.findUniqueOrThrow({ where: { personId } });
  // CE totals are kept by their own writes (ce-year-total.ts): nobody here has any.
  expect(stored.ceCompletedYears).toEqual([]);
  const recomputed = {
    ...personSearchRow(source!, NOW),
    ceCompletedYears: [],
    updatedAt: stored.updatedAt,
  };
  return { stored, recomputed };
}

describe("test people (POST /api/test/people)", () => {
  it("registers a fresh 居民身份证 holder in the jurisdiction, as 注册 does", async () => {
    const { made, person } = await make(false, "陈学分");
    expect(hasValidGb11643Check(made.idNumber)).toBe(true);
    expect(decryptField(person.idNumberCipher)).toBe(made.idNumber);
    expect(person).toMatchObject({
      name: "陈学分",
      idType: "RESIDENT_ID",
      phone: made.phone,
      regionCode: getJurisdiction().code,
      birthYear: Number(made.idNumber.slice(6, 10)),
    });
    expect(await verifyPassword(person.passwordHash, made.password)).toBe(true);
    expect(await collectionStatus(db, person.id)).toEqual({ status: "未采集" });
    expect(await auditActions(person.id)).toEqual(["auth.register:success"]);
    const { stored, recomputed } = await storedAndRecomputedProjection(person.id);
    expect(stored).toMatchObject({ collectionStatus: "none", regionCode: getJurisdiction().code });
    expect(stored).toEqual(recomputed);

    const other = await make(false);
    expect(other.made.idNumber).not.toBe(made.idNumber);
    expect(other.made.phone).not.toBe(made.phone);
  });

  it("completes 信息采集 with the UI helpers' data through the wizard's services", async () => {
    const { made, person } = await make(true);
    const status = await collectionStatus(db, person.id);
    expect(status.status).toBe("信息已采集");
    // 所属行政区划 from 工作信息 (广州市天河区) is the person's region now, in the projection too.
    expect(person.regionCode).toBe("440106");
    const { stored, recomputed } = await storedAndRecomputedProjection(person.id);
    expect(stored).toMatchObject({ collectionStatus: "collected", regionCode: "440106" });
    expect(stored).toEqual(recomputed);

    const archive = (await currentArchive(db, person.id))!;
    expect(archive.version).toBe(1);
    const { snapshot } = archive;
    expect(snapshot.person).toMatchObject({ name: made.name, idType: "RESIDENT_ID" });
    expect(snapshot.personal).toMatchObject({
      ethnicGroup: "01",
      politicalStatus: "13",
      email: "lin.xf@example.com",
    });
    expect(snapshot.education.fullTime).toMatchObject([
      { level: "21", degree: "BACHELOR", school: "中山大学", enrolledOn: "2006-09" },
    ]);
    expect(snapshot.work).toEqual({
      status: "ACCOUNTING_POST",
      regionCode: "440106",
      employerName: "广州市天河区某某财务有限公司",
      employerCreditCode: "914403001922038216",
      postKind: "CASHIER",
      accountingSinceYear: 2010,
    });
    expect(snapshot.professional.qualifications).toEqual([
      {
        type: "ACCOUNTING",
        level: "INTERMEDIATE",
        method: "EXAM",
        year: 2016,
        certificateNo: "Z2016440100123",
      },
    ]);
    expect(snapshot.awards.awards).toEqual([
      { name: "全省会计工作先进个人", level: "PROVINCIAL", year: 2020 },
    ]);
    // The three photos are real stored uploads the version keeps (none left to the sweep).
    expect(archive.attachments.map((a) => a.role).sort()).toEqual([
      "personal.documentPageIds.EMBLEM",
      "personal.documentPageIds.PORTRAIT",
      "personal.headshotId",
    ]);
    const files = await db.attachment.findMany({ where: { personId: person.id } });
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.orphanedAt === null && f.byteSize > 0)).toBe(true);

    expect(await auditActions(person.id)).toEqual([
      "auth.register:success",
      ...Array<string>(3).fill("attachment.upload:success"),
      ...Array<string>(6).fill("collection.save-step:success"),
      "collection.submit:success",
    ]);
  });
});
