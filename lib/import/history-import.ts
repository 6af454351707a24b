import "server-only";
import { idNumberIndex } from "@/lib/account/identifier";
import { personCreateData } from "@/lib/account/register-service";
import { birthYearOf } from "@/lib/identity/birth-date";
import { type RequestContext, writeAudit, writeAudits } from "@/lib/audit/audit";
import { archiveProvince, formatArchiveNumber } from "@/lib/collection/archive-number";
import { type CollectionSnapshot, snapshotPerson } from "@/lib/collection/archive-service";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { hasRole, ROLE_REFUSAL, type StaffActor } from "@/lib/codes/staff-roles";
import type { Refusal } from "@/lib/db/refusal";
import { refreshPersonSearch } from "@/lib/search/projection";
import { beijingToday } from "@/lib/time/beijing";
import type { HistoryRow, HistoryValues } from "./history-sheet";
import { checkHistoryRow, type ReadyPerson } from "./history-rows";

// 历史档案导入 (issue 11): finance staff with role `import` bring pre-platform records into their
// region. Unlike the course import it is not all or nothing: every good row is imported, every
// bad one reported with its reasons, and a number already registered is 已存在 — so the same
// file imported twice, or by two people at once, creates nobody twice (the unique blind index
// decides a race: ON CONFLICT DO NOTHING, then the row reads as 已存在).
// Each person gets an account without a password (passwordHash "": verifyPassword is false for
// it, so nobody logs in until 找回密码 with the phone on file sets one) and archive version 1.

/** Rows per transaction: a few seconds each, so a 5,000-row file never holds one open long. */
export const IMPORT_BATCH = 200;
const BATCH_TIMEOUT_MS = 60_000;

export const ALREADY_EXISTS = "已存在（未重复导入）";
const PHONE_TAKEN = "手机号码已被其他账户使用";
const NUMERIC_ID = "证件号码须设为文本格式（数字格式会丢失末位），请按模板填写";

export interface RowOutcome {
  line: number;
  values: HistoryValues;
  state: "imported" | "exists" | "error";
  errors: string[];
}

export interface HistoryImportResult {
  imported: number;
  exists: number;
  errors: number;
  rows: RowOutcome[];
}

interface Pending {
  outcome: RowOutcome;
  person: ReadyPerson;
  index: string;
}

/**
 * Checks every row, then writes the good ones in batches; returns what became of each row. Only
 * for staff holding `import`, into their own region and below.
 */
export async function importHistory(
  db: Db,
  ctx: RequestContext,
  staff: StaffActor,
  sheet: { rows: HistoryRow[]; numericIdLines: readonly number[] },
  now = new Date(),
): Promise<HistoryImportResult | Refusal<"role">> {
  if (!hasRole(staff, "import")) return ROLE_REFUSAL;
  const rowCtx = {
    base: { today: beijingToday(now), regions: buildJurisdictionRegions() },
    scope: staff.regionCodes,
    now,
  };
  const outcomes: RowOutcome[] = [];
  const pending: Pending[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, values } of sheet.rows) {
    const outcome: RowOutcome = { line, values, state: "error", errors: [] };
    outcomes.push(outcome);
    if (sheet.numericIdLines.includes(line)) {
      outcome.errors.push(NUMERIC_ID);
      continue;
    }
    const checked = checkHistoryRow(values, rowCtx);
    if (!checked.ok) {
      outcome.errors.push(...checked.errors);
      continue;
    }
    const index = idNumberIndex(checked.person.idNumber);
    // Inside the file: the same number or phone twice is an error of the later row.
    for (const [key, label] of [
      [`id:${index}`, "证件号码"],
      [`phone:${checked.person.phone}`, "手机号码"],
    ] as const) {
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined) outcome.errors.push(`${label}与第${earlier}行重复`);
      else firstLineOf.set(key, line);
    }
    if (outcome.errors.length === 0) pending.push({ outcome, person: checked.person, index });
  }

  // Whom the sheet found already on the platform (a number registered, a phone in use), in any
  // region: a sheet of numbers is a bulk lookup, so who was found goes on the record by id, as
  // the 证件号码 lookup's does.
  const found: { line: number; personId: string }[] = [];
  for (let i = 0; i < pending.length; i += IMPORT_BATCH) {
    await writeBatch(db, ctx, staff, pending.slice(i, i + IMPORT_BATCH), now, found);
  }

  const count = (state: RowOutcome["state"]) => outcomes.filter((o) => o.state === state).length;
  const result = {
    imported: count("imported"),
    exists: count("exists"),
    errors: count("error"),
    rows: outcomes,
  };
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: staff.staffId,
      action: "import.history",
      outcome: "success",
      regionCode: staff.regionCodes[0] ?? null,
      details: {
        rows: outcomes.length,
        imported: result.imported,
        exists: result.exists,
        errors: result.errors,
        found,
      },
    }),
  );
  return result;
}

async function writeBatch(
  db: Db,
  ctx: RequestContext,
  staff: StaffActor,
  batch: Pending[],
  now: Date,
  found: { line: number; personId: string }[],
): Promise<void> {
  // Known before the transaction: a number registered already, a phone held by another account —
  // read in one statement, so both answers describe one moment (two reads racing a parallel
  // import's commit could see its phone but not its number, and call 已存在 a phone conflict).
  const holders = await db.person.findMany({
    where: {
      OR: [
        { idNumberIndex: { in: batch.map((p) => p.index) } },
        { phone: { in: batch.map((p) => p.person.phone) } },
      ],
    },
    select: { id: true, idNumberIndex: true, phone: true },
  });
  const registered = new Map(holders.map((p) => [p.idNumberIndex, p.id]));
  const phoneHeld = new Map(holders.map((p) => [p.phone, p.id]));
  const todo: Pending[] = [];
  for (const p of batch) {
    const holder = registered.get(p.index) ?? phoneHeld.get(p.person.phone);
    if (holder) found.push({ line: p.outcome.line, personId: holder });
    if (registered.has(p.index)) {
      p.outcome.state = "exists";
      p.outcome.errors.push(ALREADY_EXISTS);
    } else if (holder) p.outcome.errors.push(PHONE_TAKEN);
    else todo.push(p);
  }
  if (todo.length === 0) return;

  const settled = await db.$transaction(
    async (tx) => {
      // A parallel import of the same rows: the unique indexes skip what it wrote first.
      const created = await tx.person.createManyAndReturn({
        data: todo.map((p) =>
          personCreateData(
            p.person,
            p.person.idNumber,
            birthFacts(p.person),
            "",
            p.person.regionCode,
          ),
        ),
        skipDuplicates: true,
        select: { id: true, idNumberIndex: true },
      });
      const idOf = new Map(created.map((c) => [c.idNumberIndex, c.id]));
      const written = todo.filter((p) => idOf.has(p.index));
      if (written.length === 0) return { written, idOf };

      const serials = await tx.$queryRaw<{ serial: bigint }[]>`
        SELECT nextval('archive_number_seq') AS serial FROM generate_series(1, ${written.length})`;
      const province = archiveProvince(getJurisdiction().code);
      const year = Number(beijingToday(now).slice(0, 4));
      const archives = await tx.archive.createManyAndReturn({
        data: written.map((p, i) => ({
          personId: idOf.get(p.index)!,
          archiveNumber: formatArchiveNumber({
            province,
            year,
            serial: Number(serials[i]!.serial),
          }),
          regionCode: p.person.regionCode,
          currentVersion: 1,
          collectedAt: now,
        })),
        select: { id: true, personId: true, archiveNumber: true },
      });
      const archiveOf = new Map(archives.map((a) => [a.personId, a]));
      await tx.archiveVersion.createMany({
        data: written.map((p) => {
          const personId = idOf.get(p.index)!;
          return {
            archiveId: archiveOf.get(personId)!.id,
            version: 1,
            snapshot: snapshotOf(p.person) as unknown as Prisma.InputJsonObject,
            channel: "import",
            actorType: "staff",
            actorId: staff.staffId,
            regionCode: p.person.regionCode,
            createdAt: now,
          };
        }),
      });
      for (const p of written) await refreshPersonSearch(tx, idOf.get(p.index)!, now);
      await writeAudits(
        tx,
        ctx,
        written.map((p) => {
          const archive = archiveOf.get(idOf.get(p.index)!)!;
          return {
            actorType: "staff" as const,
            actorId: staff.staffId,
            action: "import.history-person",
            outcome: "success" as const,
            regionCode: p.person.regionCode,
            targetType: "archive",
            targetId: archive.id,
            details: { archiveNumber: archive.archiveNumber, line: p.outcome.line },
          };
        }),
      );
      return { written, idOf };
    },
    { timeout: BATCH_TIMEOUT_MS },
  );

  for (const p of todo) {
    if (settled.idOf.has(p.index)) {
      p.outcome.state = "imported";
      continue;
    }
    // Skipped by a unique index: a parallel import took the number (已存在) or the phone.
    const byNumber = await db.person.findUnique({
      where: { idNumberIndex: p.index },
      select: { id: true },
    });
    const holder =
      byNumber ??
      (await db.person.findUnique({ where: { phone: p.person.phone }, select: { id: true } }));
    if (holder) found.push({ line: p.outcome.line, personId: holder.id });
    if (byNumber) {
      p.outcome.state = "exists";
      p.outcome.errors.push(ALREADY_EXISTS);
    } else p.outcome.errors.push(PHONE_TAKEN);
  }
}

function birthFacts(p: ReadyPerson): { gender?: string; birthDate?: string } {
  return {
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

/**
 * Version 1 as 信息采集 would write it, with what is true of an import: no 阅读须知 pledge (the
 * person never read it; the stored schema reads a version without one) and 照片待补充.
 */
function snapshotOf(p: ReadyPerson): CollectionSnapshot {
  return {
    person: snapshotPerson({ ...p, birthYear: birthYearOf(p.birthDate) }),
    ...p.record,
    notice: {} as CollectionSnapshot["notice"],
  };
}
