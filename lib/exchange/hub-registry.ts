import "server-only";
import type { Db } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { regionName } from "@/lib/region/divisions";
import { hubFailure, type HubResult } from "./hub-results";
import { personIndexOf } from "./hub-transfer-row";
import { firstDelivery } from "./inbox";
import { exchangeMember, jurisdictionOf } from "./members";

// The hub's registry of where each person's active file is (HubPersonFile), so that registration
// on one platform can say "已在<地区>完成信息采集，请先在原平台办理调出" instead of creating a second
// file (issue 10, 省外调入). A platform registers the files it holds; a receipt moves the entry
// to the destination (hub-events.ts). An entry held by one member is never taken over by another
// by registering: only a transfer moves a file, so a late or stray registration cannot undo one.

export async function registerFile(
  db: Db,
  member: string,
  input: { messageId: string; idNumber: string; regionCode: string },
  now: Date = new Date(),
): Promise<HubResult<{ ok: true }>> {
  if (jurisdictionOf(input.regionCode) !== member) {
    return hubFailure("invalid_region", "所属地区不属于发送方的辖区");
  }
  const personIndex = personIndexOf(input.idNumber);
  return refusableTransaction<HubResult<{ ok: true }>>(db, async (tx, refuse) => {
    const message = { id: input.messageId, sender: member, kind: "file.register" };
    if (!(await firstDelivery(tx, message, now))) return { ok: true, data: { ok: true } };
    const kept = await tx.$queryRaw<unknown[]>`
      INSERT INTO "HubPersonFile" ("personIndex", member, "regionCode", "updatedAt")
      VALUES (${personIndex}, ${member}, ${input.regionCode}, ${now})
      ON CONFLICT ("personIndex") DO UPDATE
        SET "regionCode" = EXCLUDED."regionCode", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "HubPersonFile".member = EXCLUDED.member
      RETURNING 1`;
    if (kept.length === 0) {
      return refuse(
        hubFailure("file_held_elsewhere", "该人员的信息档案在其他成员处，只能通过调转转入"),
      );
    }
    return { ok: true, data: { ok: true } };
  });
}

export interface FileElsewhere {
  member: string;
  memberName: string;
  regionCode: string;
  regionName: string;
}

/** POST files/lookup: the member holding the person's file, when it is not the caller. */
export async function findFileElsewhere(
  db: Db,
  member: string,
  input: { idNumber: string },
): Promise<HubResult<{ file: FileElsewhere | null }>> {
  const row = await db.hubPersonFile.findUnique({
    where: { personIndex: personIndexOf(input.idNumber) },
  });
  if (!row || row.member === member) return { ok: true, data: { file: null } };
  return {
    ok: true,
    data: {
      file: {
        member: row.member,
        memberName: exchangeMember(row.member)?.name ?? row.member,
        regionCode: row.regionCode,
        regionName: regionName(row.regionCode, "") ?? row.regionCode,
      },
    },
  };
}
