import "server-only";
import { ownMemberCode } from "@/lib/exchange/config";
import { idNumberIndex } from "@/lib/account/identifier";
import { newPasswordProblem } from "@/lib/account/common-passwords";
import { personCreateData } from "@/lib/account/register-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/crypto/password-hash";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation, refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { maskIdNumber } from "@/lib/identity/mask";
import { lockPersonRow } from "@/lib/person/locks";
import type { HolidayCalendar } from "@/lib/workdays/calendar";
import { reviewDeadline } from "@/lib/workdays/review-deadline";
import { transferConfig } from "./config";
import type { TransferExchange } from "./exchange-port";
import { isInOpen, type InTransferState } from "./in-states";
import { readTicket, TICKET_EXPIRED } from "./in-ticket";
import { ALREADY_APPLIED, ALREADY_HERE, PHONE_TAKEN_HERE } from "./in-verify";
import { invalid, type TransferResult } from "./results";
import { transferInConfirmSchema } from "./schemas/in-application";
import { refreshPersonSearch } from "@/lib/search/projection";

// 省外调入 第二步 确认调入 (用户操作手册 4.2): the 调入申请 is stored as 待审核 — reviewed
// automatically after the configured working days, or earlier by staff of the destination county
// — and the person gets an account here when they had none (the password set now). The file
// itself moves only once the exchange confirms the receipt (in-review.ts, in-receive.ts).

export const CONFIRM_INVALID = "请按提示修改后再确认调入";
export const ID_REGISTERED_HERE = "该证件号码已在本平台注册，请登录后查看调入申请";
export const TRANSFER_GONE =
  "该调转已不在“待调入地接收”状态（调出地可能已撤回），请与调出地财政部门联系";

export async function confirmTransferIn(
  db: Db,
  ctx: RequestContext,
  rawInput: unknown,
  exchange: TransferExchange,
  calendar: HolidayCalendar,
  now = new Date(),
): Promise<TransferResult<{ id: string; accountCreated: boolean }>> {
  const parsed = transferInConfirmSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrorsFromIssues(parsed.error.issues), CONFIRM_INVALID);
  const ticket = readTicket(parsed.data.ticket, now);
  if (!ticket) return { ok: false, reason: "stale", message: TICKET_EXPIRED };

  const current = await exchange.transfer(ticket.transferId);
  if (!current.ok) return { ok: false, reason: "unavailable", message: current.message };
  const t = current.value;
  if (
    t.state !== "submitted" ||
    t.destMember !== ownMemberCode() ||
    t.destRegionCode !== ticket.regionCode
  ) {
    return { ok: false, reason: "not-found", message: TRANSFER_GONE };
  }

  const index = idNumberIndex(ticket.idNumber);
  const existing = await db.person.findUnique({
    where: { idNumberIndex: index },
    select: { id: true },
  });
  let passwordHash: string | null = null;
  if (!existing) {
    // The form's rules ran against what the page sent; the ticket's facts are the ones that hold.
    const password = parsed.data.password;
    const problem = newPasswordProblem(password, {
      idNumber: ticket.idNumber,
      phone: ticket.phone,
    });
    if (problem) return invalid({ password: problem }, CONFIRM_INVALID);
    passwordHash = await hashPassword(password);
  }
  const due = reviewDeadline(now, calendar, transferConfig().reviewWorkingDays);

  return refusableTransaction<TransferResult<{ id: string; accountCreated: boolean }>>(
    db,
    async (tx, refuse) => {
      let personId = existing?.id;
      if (!personId) {
        const doc = validateDocumentNumber(ticket.idType as DocumentTypeCode, ticket.idNumber, now);
        const created = await tx.person.create({
          data: personCreateData(
            { name: ticket.name, idType: ticket.idType as DocumentTypeCode, phone: ticket.phone },
            ticket.idNumber,
            doc.ok ? doc : {},
            passwordHash!,
            ticket.regionCode,
          ),
          select: { id: true },
        });
        personId = created.id;
        await refreshPersonSearch(tx, personId, now);
      }
      const locked = await lockPersonRow(tx, personId);
      const person = await tx.person.findUniqueOrThrow({
        where: { id: personId },
        select: {
          archive: { select: { id: true } },
          transfersIn: { select: { id: true, state: true } },
        },
      });
      if (person.archive && locked?.transferState !== "OUT_DONE") {
        return refuse({ ok: false, reason: "here", message: ALREADY_HERE });
      }
      const same = person.transfersIn.find((x) => x.id === ticket.transferId);
      if (same) return { ok: true as const, id: same.id, accountCreated: false };
      if (person.transfersIn.some((x) => isInOpen(x.state as InTransferState))) {
        return refuse({ ok: false, reason: "open", message: ALREADY_APPLIED });
      }
      await tx.transferIn.create({
        data: {
          id: ticket.transferId,
          personId,
          regionCode: ticket.regionCode,
          originMember: t.originMember,
          originRegionName: t.originRegionName.slice(0, 100),
          state: "pending",
          reviewDueAt: due.dueAt,
          submittedAt: new Date(t.submittedAt),
          createdAt: now,
        },
      });
      await writeAudit(tx, ctx, {
        actorType: "person",
        actorId: personId,
        action: "transfer.in-apply",
        outcome: "success",
        regionCode: ticket.regionCode,
        targetType: "transfer-in",
        targetId: ticket.transferId,
        details: {
          originMember: t.originMember,
          idNumber: maskIdNumber(ticket.idNumber),
          accountCreated: !existing,
          reviewDueAt: due.dueAt.toISOString(),
        },
      });
      return { ok: true as const, id: ticket.transferId, accountCreated: !existing };
    },
    {
      // Two confirmations at once: the person, the phone or the open 调入 index decides.
      onUniqueViolation: (error) =>
        isUniqueViolation(error, "phone")
          ? invalid({ phone: PHONE_TAKEN_HERE }, CONFIRM_INVALID)
          : isUniqueViolation(error, "idNumberIndex")
            ? { ok: false, reason: "here", message: ID_REGISTERED_HERE }
            : { ok: false, reason: "open", message: ALREADY_APPLIED },
    },
  );
}
