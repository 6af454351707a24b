import "server-only";
import { z } from "zod";
import { decryptField, encryptField } from "@/lib/crypto/field-cipher";

// 省外调入 第一步 proves who the person is (SMS code on the phone, name and number matching the
// exchange's transfer); 第二步 acts on that proof. Between the two the browser holds a ticket:
// the proven facts encrypted and authenticated with the platform's field key (lib/crypto), valid
// for 15 minutes — so the person is not sent a second code, and nothing they could alter in the
// page (the number, the transfer) reaches step 2 unchecked.

export const TICKET_MINUTES = 15;
export const TICKET_EXPIRED = "验证信息已失效，请返回第一步重新验证";

const ticketSchema = z.object({
  v: z.literal(1),
  purpose: z.literal("transfer-in"),
  transferId: z.uuid(),
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  regionCode: z.string(),
  expiresAt: z.number(),
});
export type TransferInTicket = Omit<z.infer<typeof ticketSchema>, "v" | "purpose" | "expiresAt">;

export function issueTicket(facts: TransferInTicket, now = new Date()): string {
  return encryptField(
    JSON.stringify({
      v: 1,
      purpose: "transfer-in",
      ...facts,
      expiresAt: now.getTime() + TICKET_MINUTES * 60_000,
    }),
  );
}

/** The facts, or null when the ticket is forged, altered or expired. */
export function readTicket(ticket: string, now = new Date()): TransferInTicket | null {
  try {
    const parsed = ticketSchema.safeParse(JSON.parse(decryptField(ticket)));
    if (!parsed.success || parsed.data.expiresAt < now.getTime()) return null;
    const { transferId, name, idType, idNumber, phone, regionCode } = parsed.data;
    return { transferId, name, idType, idNumber, phone, regionCode };
  } catch {
    return null;
  }
}
