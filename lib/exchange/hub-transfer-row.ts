import "server-only";
import { z } from "zod";
import { idNumberIndex } from "@/lib/crypto/blind-index";
import { decryptField, encryptField } from "@/lib/crypto/field-cipher";
import type { Tx } from "@/lib/db/client";
import type { HubTransfer } from "@/lib/db/generated/client";
import { normalizeDocumentNumber } from "@/lib/identity/document-number";
import { maskIdNumber } from "@/lib/identity/mask";
import { normalizePersonName } from "@/lib/identity/person-name";
import { HUB_TRANSFER_STATES } from "./hub-states";
import { exchangeMember } from "./members";
import type { TransferView } from "./messages";

// One HubTransfer row as the hub's services read and write it: the person sealed (encrypted
// identity, blind index, masked number), the file as stored, the view parties get, the row lock.

/** Normalised as the platforms store it, so the blind index agrees with a platform's input. */
export function canonicalIdNumber(raw: string): string {
  // Normalisation does not depend on the document type (lib/identity/document-number.ts).
  return normalizeDocumentNumber("RESIDENT_ID", raw);
}

export function personIndexOf(rawIdNumber: string): string {
  return idNumberIndex(canonicalIdNumber(rawIdNumber));
}

const personSchema = z.object({
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  /** the origin's mobile number for the person (absent in rows sealed before it was sent) */
  phone: z.string().optional(),
});
export type HubPerson = z.infer<typeof personSchema>;

export function sealPerson(person: HubPerson) {
  const idNumber = canonicalIdNumber(person.idNumber);
  const name = normalizePersonName(person.name);
  return {
    personIndex: idNumberIndex(idNumber),
    personCipher: encryptField(
      JSON.stringify({ name, idType: person.idType, idNumber, phone: person.phone }),
    ),
    idNumberMasked: maskIdNumber(idNumber),
  };
}

export function openPerson(personCipher: string): HubPerson {
  return personSchema.parse(JSON.parse(decryptField(personCipher)));
}

/** HubTransfer.file: the snapshot as sent, the attachments by their object-storage keys. */
export const storedFileSchema = z.object({
  snapshot: z.record(z.string(), z.unknown()),
  attachments: z.array(
    z.object({
      role: z.string(),
      contentType: z.literal("image/jpeg"),
      sha256: z.string(),
      key: z.string(),
    }),
  ),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

export function partyOf(
  row: Pick<HubTransfer, "originMember" | "destMember">,
  member: string,
): "origin" | "destination" | null {
  if (row.originMember === member) return "origin";
  if (row.destMember === member) return "destination";
  return null;
}

export function transferView(
  row: HubTransfer,
  name = openPerson(row.personCipher).name,
): TransferView {
  return {
    id: row.id,
    originMember: row.originMember,
    originName: exchangeMember(row.originMember)?.name ?? row.originMember,
    originRegionCode: row.originRegionCode,
    originRegionName: row.originRegionName,
    destMember: row.destMember,
    destRegionCode: row.destRegionCode,
    name,
    idNumberMasked: row.idNumberMasked,
    state: HUB_TRANSFER_STATES.is(row.state) ? row.state : "submitted",
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/**
 * The transfer's row, locked for the rest of the transaction: the events of one transfer are
 * applied one at a time, so the outcome recorded first is the one that wins (hub-states.ts).
 */
export async function lockTransfer(tx: Tx, id: string): Promise<HubTransfer | undefined> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "HubTransfer" WHERE id = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) return undefined;
  return (await tx.hubTransfer.findUnique({ where: { id } })) ?? undefined;
}
