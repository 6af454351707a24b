import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { createPerson } from "../../support/person";

// People of 新疆 (65) and 宁夏 (64), which no other integration test uses: every recompute counts
// the whole table, and these regions' counts are this folder's alone.

export const XJ = "650000";
export const URUMQI = "650100";
export const TIANSHAN = "650102";
export const SAYIBAKE = "650103";
export const KARAMAY_DUSHANZI = "650202";
export const NINGXIA_XINGQING = "640104";

export const scopeOf = (regionCode: string, staffId = `staff-${regionCode}`): StaffActor => ({
  staffId,
  regionCodes: [regionCode],
  roles: ["staff-admin"],
});

export interface PersonRow {
  regionCode: string;
  collectionStatus?: "none" | "draft" | "collected";
  employmentStatus?: string | null;
  qualifications?: string[];
  qualificationLevel?: string | null;
  educationLevel?: string | null;
  birthYear?: number | null;
  highEndTalent?: boolean;
  collectedAt?: Date | null;
  registeredAt?: Date;
  ce?: { year: number; publicTenths: number; professionalTenths: number; pending: number }[];
}

/** PersonSearch rows (and their CeYearTotal rows) as the projection would write them. */
export async function addPeople(db: Db, rows: readonly PersonRow[]): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  const at = new Date("2020-01-01T00:00:00Z");
  await db.personSearch.createMany({
    data: rows.map((r, i) => ({
      personId: ids[i]!,
      regionCode: r.regionCode,
      name: "测试",
      namePinyin: "ceshi",
      nameInitials: "cs",
      idNumberIndex: `stats-${ids[i]}`,
      idNumberMasked: "6501************00",
      idType: "RESIDENT_ID",
      birthYear: r.birthYear === undefined ? 1980 : r.birthYear,
      collectionStatus: r.collectionStatus ?? "collected",
      collectedAt: r.collectedAt === undefined ? at : r.collectedAt,
      employmentStatus: r.employmentStatus === undefined ? "ACCOUNTING_POST" : r.employmentStatus,
      educationLevel: r.educationLevel === undefined ? "20" : r.educationLevel,
      qualifications: r.qualifications ?? [],
      qualificationLevel: r.qualificationLevel ?? null,
      highEndTalent: r.highEndTalent ?? false,
      registeredAt: r.registeredAt ?? at,
      updatedAt: at,
    })),
  });
  await db.ceYearTotal.createMany({
    data: rows.flatMap((r, i) =>
      (r.ce ?? []).map((c) => ({ personId: ids[i]!, ...c, updatedAt: at })),
    ),
  });
  return ids;
}

/** 已调出 and 已接收 transfers closed at the given times (one person each), and open 调出 applications. */
export async function addTransfers(
  db: Db,
  regionCode: string,
  closed: { out?: Date[]; in?: Date[]; openOut?: number },
): Promise<void> {
  const common = async () => ({
    personId: (await createPerson(db)).id,
    regionCode,
    reviewDueAt: new Date(),
  });
  const out = async (state: string, closedAt: Date | null) => ({
    ...(await common()),
    destMember: "110000",
    destRegionCode: "110101",
    reason: "工作调动",
    state,
    closedAt,
  });
  const outs = [
    ...(closed.out ?? []).map((d) => out("transferred", d)),
    ...Array.from({ length: closed.openOut ?? 0 }, () => out("approved", null)),
  ];
  await db.transferOut.createMany({ data: await Promise.all(outs) });
  const ins = (closed.in ?? []).map(async (closedAt) => ({
    ...(await common()),
    id: randomUUID(),
    originMember: "110000",
    originRegionName: "北京市东城区",
    state: "received",
    submittedAt: closedAt,
    closedAt,
  }));
  await db.transferIn.createMany({ data: await Promise.all(ins) });
}
