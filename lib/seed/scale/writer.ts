import "server-only";
import type { PoolClient } from "pg";
import { idNumberIndex } from "@/lib/account/identifier";
import { snapshotPerson } from "@/lib/collection/archive-service";
import {
  archiveProvince,
  ARCHIVE_NUMBER_SEQUENCE,
  formatArchiveNumber,
} from "@/lib/collection/archive-number";
import { encryptField } from "@/lib/crypto/field-cipher";
import { birthYearOf } from "@/lib/identity/birth-date";
import { maskIdNumber } from "@/lib/identity/mask";
import { Prisma } from "@/lib/db/generated/client";
import type { CeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { completedYearsUpdateSql } from "@/lib/search/ce-year-total";
import { uuidv7 } from "@/lib/utils/uuid";
import type { ScalePerson } from "./person";
import { recordColumns } from "./search-row";

// Writes one batch of seeded people in one transaction, a few statements per table, each an
// INSERT … SELECT FROM unnest(arrays): one round trip for thousands of rows, no row-by-row ORM
// (node-postgres has no COPY without pg-copy-streams, which is not a dependency). Every row a
// service would write for these people is written, including the projections (PersonSearch,
// CeYearTotal) the console reads. Nothing here is audited: the seed is not anyone's action.

const iso = (d: Date) => d.toISOString();

export interface BatchCounts {
  people: number;
  archives: number;
  credits: number;
  ceYears: number;
  transfers: number;
}

export async function writeBatch(
  client: PoolClient,
  people: readonly ScalePerson[],
  passwordHash: string,
  jurisdictionCode: string,
  now: Date,
  thresholds: CeThresholds,
): Promise<BatchCounts> {
  const collected = people.filter((p) => p.collection);
  await client.query("BEGIN");
  try {
    // A seed run is repeatable from scratch: losing its last commits in a crash costs nothing.
    await client.query("SET LOCAL synchronous_commit = off");
    const serials = (
      await client.query<{ s: string }>(
        `SELECT nextval('${ARCHIVE_NUMBER_SEQUENCE}') AS s FROM generate_series(1, $1::int)`,
        [collected.length],
      )
    ).rows.map((r) => Number(r.s));

    const ids = people.map((p) => uuidv7(p.registeredAt.getTime()));
    const masked = people.map((p) => maskIdNumber(p.idNumber));
    await client.query(
      `INSERT INTO "Person" (id, name, "idType", "idNumberCipher", "idNumberIndex", "idNumberMasked",
         gender, "birthYear", phone, "passwordHash", "passwordChangedAt", "regionCode",
         "transferState", "createdAt", "updatedAt")
       SELECT id, name, 'RESIDENT_ID', cipher, idx, masked, gender, birth, phone, $9, at, region,
         transfer, at, $11
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::smallint[], $8::text[], $10::timestamptz[], $12::text[], $13::text[])
         AS u(id, name, cipher, idx, masked, gender, birth, phone, at, region, transfer)`,
      [
        ids,
        people.map((p) => p.name),
        people.map((p) => encryptField(p.idNumber)),
        people.map((p) => idNumberIndex(p.idNumber)),
        masked,
        people.map((p) => p.gender),
        // The year only, as registration writes it (issue 12, 3).
        people.map((p) => birthYearOf(p.birthDate)),
        people.map((p) => p.phone),
        passwordHash,
        people.map((p) => iso(p.registeredAt)),
        iso(now),
        people.map((p) => p.regionCode),
        people.map((p) => p.transferState),
      ],
    );

    // Archives and their version 1, as submitCollection writes them (channel collection).
    const idOf = new Map(people.map((p, i) => [p, ids[i]!]));
    const maskedOf = new Map(people.map((p, i) => [p, masked[i]!]));
    const archiveIds = collected.map((p) => uuidv7(p.collection!.collectedAt.getTime()));
    const numbers = collected.map((p, i) =>
      formatArchiveNumber({
        province: archiveProvince(jurisdictionCode),
        year: Number(
          new Date(p.collection!.collectedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 4),
        ),
        serial: serials[i]!,
      }),
    );
    if (collected.length > 0) {
      const collectedAt = collected.map((p) => iso(p.collection!.collectedAt));
      await client.query(
        `INSERT INTO "Archive" (id, "personId", "archiveNumber", "regionCode", "currentVersion",
           "collectedAt", "createdAt", "updatedAt")
         SELECT id, person, number, region, 1, at, at, at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
           AS u(id, person, number, region, at)`,
        [
          archiveIds,
          collected.map((p) => idOf.get(p)!),
          numbers,
          collected.map((p) => p.regionCode),
          collectedAt,
        ],
      );
      await client.query(
        `INSERT INTO "ArchiveVersion" (id, "archiveId", version, snapshot, channel, "actorType",
           "actorId", "regionCode", "createdAt")
         SELECT id, archive, 1, snapshot::jsonb, 'collection', 'person', person::text, region, at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[])
           AS u(id, archive, snapshot, person, region, at)`,
        [
          collected.map((p) => uuidv7(p.collection!.collectedAt.getTime())),
          archiveIds,
          collected.map((p) =>
            JSON.stringify({
              person: snapshotPerson({
                name: p.name,
                idType: "RESIDENT_ID",
                idNumberMasked: maskedOf.get(p)!,
                gender: p.gender,
                birthYear: birthYearOf(p.birthDate),
              }),
              ...p.collection!.record,
            }),
          ),
          collected.map((p) => idOf.get(p)!),
          collected.map((p) => p.regionCode),
          collectedAt,
        ],
      );
    }

    // The search projection: one row per person.
    const numberOf = new Map(collected.map((p, i) => [p, numbers[i]!]));
    const columns = people.map((p) => (p.collection ? recordColumns(p.collection.record) : null));
    await client.query(
      `INSERT INTO "PersonSearch" ("personId", "regionCode", name, "namePinyin", "nameInitials",
         "idNumberIndex", "idNumberMasked", "idType", gender, "birthYear", "collectionStatus",
         "archiveNumber", "archiveVersion", "collectedAt", "employmentStatus", "educationLevel",
         qualifications, "qualificationLevel", "highEndTalent", "transferState", "ceObligationStart",
         "registeredAt", "updatedAt")
       SELECT p.id, p."regionCode", p.name, u.pinyin, u.initials, p."idNumberIndex",
         p."idNumberMasked", p."idType", p.gender, p."birthYear",
         CASE WHEN u.number IS NULL THEN 'none' ELSE 'collected' END, u.number,
         CASE WHEN u.number IS NULL THEN NULL ELSE 1 END, u.collected, u.status, u.education,
         string_to_array(u.quals, ','), u.level, u.talent, p."transferState", u.obliged,
         p."createdAt", $10
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
         $6::text[], $7::text[], $8::text[], $9::text[], $11::boolean[], $12::smallint[])
         AS u(id, pinyin, initials, number, collected, status, education, quals, level, talent,
           obliged)
       JOIN "Person" p ON p.id = u.id`,
      [
        ids,
        people.map((p) => p.keys.pinyin),
        people.map((p) => p.keys.initials),
        people.map((p) => numberOf.get(p) ?? null),
        people.map((p) => (p.collection ? iso(p.collection.collectedAt) : null)),
        columns.map((c) => c?.employmentStatus ?? null),
        columns.map((c) => c?.educationLevel ?? null),
        columns.map((c) => (c ? c.qualifications.join(",") : "")),
        columns.map((c) => c?.qualificationLevel ?? null),
        iso(now),
        columns.map((c) => c?.highEndTalent ?? false),
        columns.map((c) => c?.ceObligationStart ?? null),
      ],
    );

    // 继续教育: provider courses, then each person's year totals from exactly those rows.
    const credits = people.flatMap((p) => p.credits.map((c) => ({ p, c })));
    if (credits.length > 0) {
      await client.query(
        `INSERT INTO "CeCredit" (id, "personId", "regionCode", year, kind, category, credits, state,
           title, details, "createdAt", "updatedAt")
         SELECT id, person, region, year, 'COURSE', category, tenths / 10.0, state, title,
           jsonb_build_object('courseName', title, 'provider', provider), at, at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::int[],
           $7::text[], $8::text[], $9::text[], $10::timestamptz[])
           AS u(id, person, region, year, category, tenths, state, title, provider, at)`,
        [
          credits.map(({ c }) => uuidv7(c.at.getTime())),
          credits.map(({ p }) => idOf.get(p)!),
          credits.map(({ p }) => p.regionCode),
          credits.map(({ c }) => c.year),
          credits.map(({ c }) => c.category),
          credits.map(({ c }) => c.tenths),
          credits.map(({ c }) => c.state),
          credits.map(({ c }) => c.courseName),
          credits.map(({ c }) => c.provider),
          credits.map(({ c }) => iso(c.at)),
        ],
      );
    }
    const ceYears = await client.query(
      `INSERT INTO "CeYearTotal" ("personId", year, "publicTenths", "professionalTenths", pending,
         "updatedAt")
       SELECT "personId", year,
         coalesce(sum(credits * 10) FILTER (WHERE category = 'PUBLIC' AND state IN ('completed', 'recognised')), 0)::int,
         coalesce(sum(credits * 10) FILTER (WHERE category = 'PROFESSIONAL' AND state IN ('completed', 'recognised')), 0)::int,
         count(*) FILTER (WHERE state IN ('enrolled', 'claimed'))::int,
         max("updatedAt")
       FROM "CeCredit" WHERE "personId" = ANY($1::uuid[])
       GROUP BY "personId", year`,
      [ids],
    );
    // The years they completed, by the very statement the services keep it with.
    const completed = completedYearsUpdateSql(
      Prisma.sql`SELECT unnest(${ids}::uuid[])`,
      thresholds,
    );
    await client.query(completed.text, completed.values);

    const moved = people.filter((p) => p.transfer);
    if (moved.length > 0) {
      const t = moved.map((p) => p.transfer!);
      await client.query(
        `INSERT INTO "TransferOut" (id, "personId", "regionCode", "destMember", "destRegionCode",
           reason, state, "reviewDueAt", "reviewedAt", "hubState", "closedAt", "createdAt",
           "updatedAt")
         SELECT id, person, region, member, dest, reason, state, due, reviewed, hub, closed,
           created, closed
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::timestamptz[],
           $12::timestamptz[])
           AS u(id, person, region, member, dest, reason, state, due, reviewed, hub, closed, created)`,
        [
          t.map((x) => uuidv7(x.createdAt.getTime())),
          moved.map((p) => idOf.get(p)!),
          moved.map((p) => p.regionCode),
          t.map((x) => x.destMember),
          t.map((x) => x.destRegionCode),
          t.map((x) => x.reason),
          t.map((x) => x.state),
          t.map((x) => iso(x.reviewDueAt)),
          t.map((x) => (x.reviewedAt ? iso(x.reviewedAt) : null)),
          t.map((x) => x.hubState),
          t.map((x) => iso(x.closedAt)),
          t.map((x) => iso(x.createdAt)),
        ],
      );
    }
    await client.query("COMMIT");
    return {
      people: people.length,
      archives: collected.length,
      credits: credits.length,
      ceYears: ceYears.rowCount ?? 0,
      transfers: moved.length,
    };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
