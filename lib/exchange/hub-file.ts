import "server-only";
import { buffer } from "node:stream/consumers";
import type { Db } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { isUuid } from "@/lib/utils/uuid";
import { hubFailure, NOT_PARTY, TRANSFER_NOT_FOUND, type HubResult } from "./hub-results";
import { partyOf, storedFileSchema } from "./hub-transfer-row";
import type { TransferFile } from "./messages";

// GET transfers/{id}/file: the archive the origin sent, for the destination only — it pre-fills
// the person's collection there (issue 10: "completes collection pre-filled from the transferred
// file; attachments travel with the file"). Handed out while the transfer is open or received;
// a withdrawn or rejected file stays with its origin.

export async function transferFileForDestination(
  db: Db,
  storage: ObjectStorage,
  member: string,
  id: string,
): Promise<HubResult<TransferFile>> {
  const row = isUuid(id) ? await db.hubTransfer.findUnique({ where: { id } }) : null;
  if (!row) return TRANSFER_NOT_FOUND;
  if (partyOf(row, member) !== "destination") return NOT_PARTY;
  if (row.state !== "submitted" && row.state !== "received") {
    return hubFailure("file_unavailable", "该调转已撤回或不予接收，档案不再提供");
  }
  const file = storedFileSchema.parse(row.file);
  const attachments = [];
  for (const a of file.attachments) {
    const object = await storage.get(a.key);
    // The row promises the object: its absence is lost storage, not the caller's mistake.
    if (!object) throw new Error(`hub attachment missing from storage: ${a.key}`);
    const bytes = await buffer(object.body);
    attachments.push({
      role: a.role,
      contentType: a.contentType,
      sha256: a.sha256,
      data: bytes.toString("base64"),
    });
  }
  return { ok: true, data: { snapshot: file.snapshot, attachments } };
}
