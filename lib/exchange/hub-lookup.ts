import "server-only";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/utils/uuid";
import { normalizePersonName } from "@/lib/identity/person-name";
import { NOT_PARTY, TRANSFER_NOT_FOUND, type HubResult } from "./hub-results";
import { openPerson, partyOf, personIndexOf, transferView } from "./hub-transfer-row";
import type { LookedUpTransfer, TransferView } from "./messages";

// What the parties may read of transfers: one transfer by id (either party), and the
// destination's lookup for 省外调入 (manual 4.2 填写验证信息: 姓名 and 证件号码 must both match).

/** GET transfers/{id}: 404 for an unknown id, 403 for a member that is not a party. */
export async function transferForParty(
  db: Db,
  member: string,
  id: string,
): Promise<HubResult<{ transfer: TransferView }>> {
  const row = isUuid(id) ? await db.hubTransfer.findUnique({ where: { id } }) : null;
  if (!row) return TRANSFER_NOT_FOUND;
  if (!partyOf(row, member)) return NOT_PARTY;
  return { ok: true, data: { transfer: transferView(row) } };
}

/**
 * POST transfers/lookup: the transfers waiting for the caller (state submitted, destination the
 * caller) of the person with this 证件号码 and 姓名. The number finds them by blind index; the
 * name is compared after decrypting, both normalised as the platforms normalise them. Asked with
 * the phone the person proved by SMS, each answer says whether the origin holds that phone — the
 * destination's only way to know the person applying is the person who left (the hub never hands
 * the origin's number out).
 */
export async function lookupTransfers(
  db: Db,
  member: string,
  input: { name: string; idNumber: string; phone?: string },
): Promise<HubResult<{ transfers: LookedUpTransfer[] }>> {
  const rows = await db.hubTransfer.findMany({
    where: { personIndex: personIndexOf(input.idNumber), destMember: member, state: "submitted" },
    orderBy: { submittedAt: "asc" },
  });
  const name = normalizePersonName(input.name);
  const transfers = rows.flatMap((row) => {
    const person = openPerson(row.personCipher);
    if (person.name !== name) return [];
    const view = transferView(row, person.name);
    return [
      input.phone === undefined ? view : { ...view, phoneMatches: person.phone === input.phone },
    ];
  });
  return { ok: true, data: { transfers } };
}
