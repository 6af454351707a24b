import { randomUUID } from "node:crypto";
import { STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import { describe, expect, it } from "vitest";
import { registerPerson } from "@/lib/account/register-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import type { SessionPerson } from "@/lib/account/session-service";
import { reviewClaim } from "@/lib/ce/claim-review";
import { submitClaim, withdrawClaim } from "@/lib/ce/claims";
import { completeCourse, recordCourse } from "@/lib/ce/courses";
import { ceObligationStart } from "@/lib/ce/overview";
import { changeArchiveItem } from "@/lib/change/change-service";
import { submitCollection } from "@/lib/collection/archive-service";
import { saveStep } from "@/lib/collection/draft-service";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { loadProjectionSources } from "@/lib/search/projection";
import {
  rebuildSearchProjection,
  rebuildSearchProjectionIfEmpty,
} from "@/lib/search/projection-rebuild";
import { personSearchRow } from "@/lib/search/projection-row";
import { confirmTransferIn } from "@/lib/transfer/in-confirm";
import { importTransferredFile } from "@/lib/transfer/in-receive";
import { verifyTransferIn } from "@/lib/transfer/in-verify";
import { outboundTransfer } from "@/lib/transfer/out-file";
import { withdrawTransferOut } from "@/lib/transfer/out-withdraw";
import {
  latestCodeFor,
  randomPhone,
  randomResidentId,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";
import { exam } from "../../support/ce";
import {
  ctx,
  NOW,
  saveAll,
  sessionOf,
  tempStorageForFile,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";
import { failingCommits } from "../../support/failing-commits";
import { FakeExchange } from "../../support/fake-exchange";
import { CALENDAR, transferFixtures } from "../../support/transfer";

// The console's search projection (PersonSearch, CeYearTotal) follows every change it derives
// from, in the change's own transaction: a person is walked through registration, collection,
// 信息变更, a transfer-out and 继续教育, and both rows are asserted after each step — and shown
// equal to what a rebuild computes from the records.

const store = tempStorageForFile();
const { evidence, claimId, applied } = transferFixtures(store);
const GUANGZHOU: StaffActor = {
  staffId: "staff-gz",
  regionCodes: ["4401"],
  roles: STAFF_ROLES.codes,
};
const FOSHAN: StaffActor = { staffId: "staff-fs", regionCodes: ["4406"], roles: STAFF_ROLES.codes };
const LATER = new Date("2026-11-28T04:00:00Z");

async function register(name = "欧阳晓明"): Promise<SessionPerson> {
  const phone = randomPhone();
  const sent = await sendSmsCode(db, ctx, {
    phone,
    purpose: "register",
    ...(await solvedCaptcha(db)),
  });
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  const r = await registerPerson(
    db,
    ctx,
    {
      name,
      idType: "RESIDENT_ID",
      idNumber: randomResidentId(),
      phone,
      smsCode: latestCodeFor(phone)!,
      password: STRONG_PASSWORD,
    },
    NOW,
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return sessionOf(await db.person.findUniqueOrThrow({ where: { id: r.personId } }));
}

const searchRow = (personId: string) => db.personSearch.findUnique({ where: { personId } });
const yearTotals = (personId: string) =>
  db.ceYearTotal.findMany({
    where: { personId },
    orderBy: { year: "asc" },
    select: { year: true, publicTenths: true, professionalTenths: true, pending: true },
  });

/** Years meeting Guangdong's thresholds (公需 30, 专业 60, 90 in all), read off CeYearTotal. */
async function completedYears(personId: string) {
  return (await yearTotals(personId))
    .filter(
      (t) =>
        t.publicTenths >= 300 &&
        t.professionalTenths >= 600 &&
        t.publicTenths + t.professionalTenths >= 900,
    )
    .map((t) => t.year);
}

/**
 * The stored row equals the one computed from the records now (the write time aside), its
 * completed years are CeYearTotal's, and its obligation start is lib/ce's over every version.
 */
async function expectTrue(personId: string) {
  const [source] = await loadProjectionSources(db, Prisma.sql`p.id = ${personId}::uuid`, {
    lock: false,
  });
  expect(await searchRow(personId)).toEqual({
    ...personSearchRow(source!, NOW),
    ceCompletedYears: await completedYears(personId),
    updatedAt: expect.any(Date),
  });
  expect((await searchRow(personId))!.ceObligationStart).toBe(
    await ceObligationStart(db, personId),
  );
}

/** A registered person through collection: registration, the first save, the rest, submit. */
async function collect(s: SessionPerson) {
  const files = await uploadPersonalFiles(db, store.current.storage, s);
  const steps = validSteps(files);
  const { notice, ...rest } = steps;
  const first = await saveStep(db, ctx, s, { step: "notice", data: notice, revision: 0 }, NOW);
  if (!first.ok) throw new Error(JSON.stringify(first));
  const draft = await searchRow(s.personId);
  await saveAll(db, s, rest, first.revision);
  const submitted = await submitCollection(db, ctx, s, NOW);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { steps, draft, archiveNumber: submitted.archiveNumber };
}

describe("the search projection", () => {
  it("follows a person from registration through collection, 信息变更 and a transfer-out", async () => {
    const s = await register();
    const person = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
    expect(await searchRow(s.personId)).toMatchObject({
      regionCode: "440000",
      name: "欧阳晓明",
      namePinyin: "ouyangxiaoming",
      nameInitials: "oyxm",
      idNumberIndex: person.idNumberIndex,
      idNumberMasked: person.idNumberMasked,
      idType: "RESIDENT_ID",
      gender: person.gender,
      birthYear: person.birthYear,
      collectionStatus: "none",
      archiveNumber: null,
      employmentStatus: null,
      transferState: null,
      registeredAt: person.createdAt,
      updatedAt: NOW,
    });
    await expectTrue(s.personId);

    const { steps, draft, archiveNumber } = await collect(s);
    expect(draft).toMatchObject({ collectionStatus: "draft", regionCode: "440000" });
    expect(await searchRow(s.personId)).toMatchObject({
      collectionStatus: "collected",
      regionCode: "440106",
      archiveNumber,
      archiveVersion: 1,
      collectedAt: NOW,
      employmentStatus: "ACCOUNTING_POST",
      educationLevel: "20",
      qualifications: [],
      qualificationLevel: null,
      highEndTalent: false,
    });
    await expectTrue(s.personId);
    const collected = { ...s, regionCode: "440106" };

    const change = async (ref: object, data: unknown, baseVersion: number) => {
      const r = await changeArchiveItem(db, ctx, collected, { ref, data, baseVersion }, LATER);
      if (!r.ok) throw new Error(JSON.stringify(r));
    };
    await change({ step: "work" }, { status: "UNEMPLOYED", regionCode: "440106" }, 1);
    expect(await searchRow(s.personId)).toMatchObject({
      employmentStatus: "UNEMPLOYED",
      archiveVersion: 2,
      regionCode: "440106",
      updatedAt: LATER,
    });
    const qualification = {
      type: "ACCOUNTING",
      level: "SENIOR",
      method: "REVIEW",
      year: 2024,
      certificateNo: "G2024001",
    };
    await change({ step: "professional", list: "qualifications" }, qualification, 2);
    await change(
      { step: "professional", list: "qualifications" },
      { ...qualification, type: "AUDITING", level: "INTERMEDIATE", certificateNo: "Z1" },
      3,
    );
    await change(
      { step: "education", list: "fullTime" },
      {
        ...steps.education.fullTime[0],
        level: "14",
        degree: "MASTER",
        enrolledOn: "2022-09",
        graduatedOn: "2025-07",
      },
      4,
    );
    expect(await searchRow(s.personId)).toMatchObject({
      archiveVersion: 5,
      qualifications: ["ACCOUNTING:SENIOR", "AUDITING:INTERMEDIATE"],
      qualificationLevel: "SENIOR",
      educationLevel: "10",
    });
    await change({ step: "work" }, { ...steps.work, regionCode: "440604" }, 5);
    expect(await searchRow(s.personId)).toMatchObject({
      regionCode: "440604",
      employmentStatus: "ACCOUNTING_POST",
      archiveVersion: 6,
    });
    await expectTrue(s.personId);

    const inFoshan = { ...s, regionCode: "440604" };
    const transferId = await applied(inFoshan, LATER);
    expect(await searchRow(s.personId)).toMatchObject({ transferState: "OUT_PENDING" });
    expect(await withdrawTransferOut(db, ctx, inFoshan, transferId, LATER)).toMatchObject({
      ok: true,
      state: "withdrawn",
    });
    expect(await searchRow(s.personId)).toMatchObject({ transferState: null });
    await expectTrue(s.personId);
  });

  it("follows 调入: the account it opens, its file as a draft, a file coming back as a version", async () => {
    const exchange = new FakeExchange();
    // A person collected here stands in for the origin's archive (as the transfer tests do).
    const origin = { ...(await register("林晓燕")), regionCode: "440106" };
    await collect(origin);
    const out = await applied(origin, LATER);
    const file = await outboundTransfer(db, store.current.storage, out);
    if (!file.ok) throw new Error(file.message);
    expect(await withdrawTransferOut(db, ctx, origin, out, LATER)).toMatchObject({ ok: true });

    // A newcomer: 调入 opens the account.
    const p = {
      id: randomUUID(),
      idNumber: randomResidentId(),
      name: "王芳",
      phone: randomPhone(),
    };
    exchange.add({ id: p.id, name: p.name }, p.idNumber, file.transfer.file, p.phone);
    const sent = await sendSmsCode(db, ctx, {
      phone: p.phone,
      purpose: "transfer-in",
      ...(await solvedCaptcha(db)),
    });
    expect(sent.ok).toBe(true);
    const verified = await verifyTransferIn(
      db,
      ctx,
      { ...p, idType: "RESIDENT_ID", smsCode: latestCodeFor(p.phone)!, regionCode: "440106" },
      exchange,
      NOW,
    );
    if (!verified.ok) throw new Error(JSON.stringify(verified));
    const confirmed = await confirmTransferIn(
      db,
      ctx,
      {
        ticket: verified.preview.ticket,
        needsPassword: "yes",
        idNumber: p.idNumber,
        phone: p.phone,
        password: STRONG_PASSWORD,
        confirmPassword: STRONG_PASSWORD,
      },
      exchange,
      CALENDAR,
      NOW,
    );
    expect(confirmed).toMatchObject({ ok: true, accountCreated: true });
    const { personId } = await db.transferIn.findUniqueOrThrow({ where: { id: p.id } });
    expect(await searchRow(personId)).toMatchObject({
      name: "王芳",
      regionCode: "440106",
      collectionStatus: "none",
    });
    await expectTrue(personId);

    // Received: the file becomes their pre-filled draft.
    await db.transferIn.update({ where: { id: p.id }, data: { state: "received" } });
    const imported = await importTransferredFile(db, store.current.storage, exchange, p.id, LATER);
    expect(imported).toEqual({ ok: true, imported: true });
    expect(await searchRow(personId)).toMatchObject({
      collectionStatus: "draft",
      regionCode: "440106",
      employmentStatus: null,
      updatedAt: LATER,
    });

    // The origin left (已调出) and comes back to 越秀区: their archive's next version.
    await db.person.update({ where: { id: origin.personId }, data: { transferState: "OUT_DONE" } });
    const back = randomUUID();
    exchange.add({ id: back, name: origin.name }, randomResidentId(), file.transfer.file);
    await db.transferIn.create({
      data: {
        id: back,
        personId: origin.personId,
        regionCode: "440104",
        originMember: "440300",
        originRegionName: "广东省深圳市南山区",
        state: "received",
        reviewDueAt: LATER,
        submittedAt: LATER,
      },
    });
    expect(await importTransferredFile(db, store.current.storage, exchange, back, LATER)).toEqual({
      ok: true,
      imported: true,
    });
    expect(await searchRow(origin.personId)).toMatchObject({
      collectionStatus: "collected",
      archiveVersion: 2,
      regionCode: "440104",
      transferState: null,
    });
    await expectTrue(origin.personId);
  });

  it("sums each year's credits as they are claimed, recorded, completed, reviewed and withdrawn", async () => {
    const s = { ...(await register("陈静")), regionCode: "440106" };
    await collect(s);
    expect(await yearTotals(s.personId)).toEqual([]);

    const claimed = await claimId(s, exam(await evidence(s), 2026));
    expect(await yearTotals(s.personId)).toEqual([
      { year: 2026, publicTenths: 0, professionalTenths: 0, pending: 1 },
    ]);
    expect(await reviewClaim(db, ctx, GUANGZHOU, claimed, "recognise", undefined, NOW)).toEqual({
      ok: true,
    });
    expect(await yearTotals(s.personId)).toEqual([
      { year: 2026, publicTenths: 0, professionalTenths: 900, pending: 0 },
    ]);

    const course = (year: number, credits: string, completed: boolean, category = "PUBLIC") => ({
      personId: s.personId,
      year,
      courseName: `会计人员职业道德 ${year} ${credits}`,
      provider: "某继续教育机构",
      category,
      credits,
      completed,
    });
    // Staff of another city cannot record for this person: nothing written, nothing summed.
    expect(await recordCourse(db, ctx, FOSHAN, course(2026, "30", true), NOW)).toMatchObject({
      ok: false,
    });
    expect(await recordCourse(db, ctx, GUANGZHOU, course(2026, "12.5", true), NOW)).toMatchObject({
      ok: true,
    });
    const enrolled = await recordCourse(db, ctx, GUANGZHOU, course(2025, "20", false), NOW);
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled));
    expect(await yearTotals(s.personId)).toEqual([
      { year: 2025, publicTenths: 0, professionalTenths: 0, pending: 1 },
      { year: 2026, publicTenths: 125, professionalTenths: 900, pending: 0 },
    ]);
    expect(await completeCourse(db, ctx, GUANGZHOU, enrolled.id, NOW)).toEqual({ ok: true });
    expect(await yearTotals(s.personId)).toEqual([
      { year: 2025, publicTenths: 200, professionalTenths: 0, pending: 0 },
      { year: 2026, publicTenths: 125, professionalTenths: 900, pending: 0 },
    ]);

    // A claim in a year of its own, withdrawn: the year's row goes with its last record.
    const withdrawn = await claimId(s, { ...exam(await evidence(s), 2024), subject: "经济法" });
    expect(await yearTotals(s.personId)).toContainEqual({
      year: 2024,
      publicTenths: 0,
      professionalTenths: 0,
      pending: 1,
    });
    expect(await withdrawClaim(db, ctx, s, withdrawn, NOW)).toEqual({ ok: true });
    // A rejected claim counts for nothing.
    const rejected = await claimId(s, { ...exam(await evidence(s), 2026), subject: "财务管理" });
    expect(
      await reviewClaim(db, ctx, GUANGZHOU, rejected, "reject", "证书与考试科目不符", NOW),
    ).toEqual({ ok: true });
    expect(await yearTotals(s.personId)).toEqual([
      { year: 2025, publicTenths: 200, professionalTenths: 0, pending: 0 },
      { year: 2026, publicTenths: 125, professionalTenths: 900, pending: 0 },
    ]);
    expect(await searchRow(s.personId)).toMatchObject({ ceCompletedYears: [] });

    // 公需 reaches 30 in 2026: the year is complete in PersonSearch in the same transaction.
    expect(await recordCourse(db, ctx, GUANGZHOU, course(2026, "17.5", true), NOW)).toMatchObject({
      ok: true,
    });
    expect(await searchRow(s.personId)).toMatchObject({ ceCompletedYears: [2026] });
    await expectTrue(s.personId);
  });

  it("rolls back with the transaction that failed to commit", async () => {
    const s = { ...(await register("李雪")), regionCode: "440106" };
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    await saveAll(db, s, validSteps(files));
    const before = await searchRow(s.personId);
    expect(before).toMatchObject({ collectionStatus: "draft" });

    await expect(submitCollection(failingCommits(), ctx, s, LATER)).rejects.toThrow(
      "commit failed",
    );
    expect(await db.archive.count({ where: { personId: s.personId } })).toBe(0);
    expect(await searchRow(s.personId)).toEqual(before);

    const submitted = await submitCollection(db, ctx, s, LATER);
    expect(submitted.ok).toBe(true);
    const att = await evidence(s);
    await claimId(s, exam(att));
    const totals = await yearTotals(s.personId);
    expect(totals).toEqual([{ year: 2026, publicTenths: 0, professionalTenths: 0, pending: 1 }]);
    await expect(
      submitClaim(failingCommits(), ctx, s, { ...exam(att), subject: "经济法" }, NOW),
    ).rejects.toThrow("commit failed");
    expect(await yearTotals(s.personId)).toEqual(totals);
  });

  it("is rebuilt from the records, in batches, idempotently", async () => {
    const s = { ...(await register("张三")), regionCode: "440106" };
    await collect(s);
    await claimId(s, exam(await evidence(s), 2026));
    const row = await searchRow(s.personId);
    const totals = await yearTotals(s.personId);
    const rebuiltRow = { ...row, updatedAt: expect.any(Date) };

    // Nothing to do while the projection is filled.
    expect(await rebuildSearchProjectionIfEmpty(db)).toBeNull();

    // A data directory from before the projection: both tables empty, people present.
    await db.personSearch.deleteMany({});
    await db.ceYearTotal.deleteMany({});
    const people = await db.person.count();
    const rebuilt = await rebuildSearchProjectionIfEmpty(db);
    expect(rebuilt).toMatchObject({ people });
    expect(await db.personSearch.count()).toBe(people);
    expect(await searchRow(s.personId)).toEqual(rebuiltRow);
    expect(await yearTotals(s.personId)).toEqual(totals);

    // Wrong rows are put right, a year without records loses its row, in four batches or so
    // (the database holds whoever the files before this one registered).
    const batchSize = Math.max(2, Math.ceil(people / 4));
    await db.personSearch.update({
      where: { personId: s.personId },
      data: { employmentStatus: "STUDENT", collectionStatus: "none" },
    });
    await db.ceYearTotal.create({
      data: { personId: s.personId, year: 2019, publicTenths: 10, updatedAt: NOW },
    });
    const batches = await rebuildSearchProjection(db, { batchSize, now: LATER });
    expect(batches).toEqual({ people, batches: Math.ceil(people / batchSize) });
    expect(await searchRow(s.personId)).toEqual(rebuiltRow);
    expect(await yearTotals(s.personId)).toEqual(totals);
    await expectTrue(s.personId);

    // Idempotent: once more changes nothing.
    const all = await db.personSearch.findMany({ orderBy: { personId: "asc" } });
    await rebuildSearchProjection(db, { now: LATER });
    expect(await db.personSearch.findMany({ orderBy: { personId: "asc" } })).toEqual(all);

    // Completed years behind CeYearTotal (the thresholds changed, or the column is new): the
    // start's check recomputes them, without a whole rebuild.
    await db.ceYearTotal.create({
      data: {
        personId: s.personId,
        year: 2019,
        publicTenths: 300,
        professionalTenths: 600,
        updatedAt: NOW,
      },
    });
    expect(await searchRow(s.personId)).toMatchObject({ ceCompletedYears: [] });
    expect(await rebuildSearchProjectionIfEmpty(db)).toBeNull();
    expect(await searchRow(s.personId)).toMatchObject({ ceCompletedYears: [2019] });
  });
});
