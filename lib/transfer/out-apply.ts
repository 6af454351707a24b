import "server-only";
import { ownMemberCode } from "@/lib/exchange/config";
import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { NOT_COLLECTED } from "@/lib/collection/archive-service";
import { ATTACHMENT_INVALID } from "@/lib/collection/draft-service";
import type { Db } from "@/lib/db/client";
import { refusableTransaction } from "@/lib/db/refusal";
import { destinationRegionProblem } from "@/lib/exchange/members";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { lockPersonRow, transferLockReason } from "@/lib/person/locks";
import type { HolidayCalendar } from "@/lib/workdays/calendar";
import { reviewDeadline } from "@/lib/workdays/review-deadline";
import { transferConfig } from "./config";
import { mayApplyForTransferOut, type OutTransferState } from "./out-states";
import { invalid, type TransferResult } from "./results";
import { outApplicationSchema } from "./schemas/out-application";
import { refreshPersonSearch } from "@/lib/search/projection";

// 申请调出 (用户操作手册 4.1): 保存 completes the application. From then on 信息变更 and 继续教育
// are view-only (Person.transferState, lib/person/locks.ts) until the application ends.
// Refused: collection not complete; another application open; a destination that is not a
// concrete county of another member; 继续教育 claims awaiting recognition (when configured).

export const APPLICATION_INVALID = "调出申请信息有误，请按提示修改";
export const ALREADY_OPEN = "您已有一个调出申请正在办理，请等待其结束或先撤回";
export const PENDING_CE =
  "您有继续教育学分申报尚待财政部门认定，认定完成（或撤回申报）后才能申请调出";

export async function applyForTransferOut(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  rawInput: unknown,
  calendar: HolidayCalendar,
  now = new Date(),
): Promise<TransferResult<{ id: string; reviewDueAt: Date }>> {
  const parsed = outApplicationSchema.safeParse(rawInput);
  if (!parsed.success) {
    return invalid(fieldErrorsFromIssues(parsed.error.issues), APPLICATION_INVALID);
  }
  const input = parsed.data;
  const problem = destinationRegionProblem(ownMemberCode(), input.destRegionCode, input.destMember);
  if (problem) {
    const field =
      problem.reason === "own_jurisdiction" && input.destMember === ownMemberCode()
        ? "destMember"
        : "destRegionCode";
    return invalid({ [field]: problem.message }, APPLICATION_INVALID);
  }
  const config = transferConfig();
  const due = reviewDeadline(now, calendar, config.reviewWorkingDays);
  const personId = session.personId;

  return refusableTransaction<TransferResult<{ id: string; reviewDueAt: Date }>>(
    db,
    async (tx, refuse) => {
      // The row lock orders this against 信息变更, 继续教育 and a second 保存 of the same form.
      const person = await lockPersonRow(tx, personId);
      if (!person) return refuse({ ok: false, reason: "not-found", message: NOT_COLLECTED });
      if (person.transferState === "OUT_DONE") {
        return refuse({ ok: false, reason: "locked", message: transferLockReason("OUT_DONE")! });
      }
      const archive = await tx.archive.findUnique({ where: { personId }, select: { id: true } });
      if (!archive) return refuse({ ok: false, reason: "not-collected", message: NOT_COLLECTED });

      const latest = await tx.transferOut.findFirst({
        where: { personId },
        orderBy: { createdAt: "desc" },
        select: { state: true },
      });
      if (!mayApplyForTransferOut((latest?.state as OutTransferState | undefined) ?? null)) {
        return refuse({ ok: false, reason: "open", message: ALREADY_OPEN });
      }
      if (config.blockOnPendingCe) {
        const claims = await tx.ceCredit.count({ where: { personId, state: "claimed" } });
        if (claims > 0) return refuse({ ok: false, reason: "pending-ce", message: PENDING_CE });
      }
      // Only the person's own 调转附件 uploads, not yet part of another application.
      const files = await tx.attachment.updateMany({
        where: {
          id: { in: input.attachmentIds },
          personId,
          kind: "transfer-proof",
          transfers: { none: {} },
        },
        data: { orphanedAt: null },
      });
      if (files.count !== input.attachmentIds.length) {
        return refuse(invalid({ attachmentIds: ATTACHMENT_INVALID }, APPLICATION_INVALID));
      }
      const created = await tx.transferOut.create({
        data: {
          personId,
          regionCode: person.regionCode,
          destMember: input.destMember,
          destRegionCode: input.destRegionCode,
          reason: input.reason,
          state: "pending",
          reviewDueAt: due.dueAt,
          createdAt: now,
          attachments: {
            create: input.attachmentIds.map((attachmentId, position) => ({
              attachmentId,
              position,
            })),
          },
        },
        select: { id: true },
      });
      await tx.person.update({ where: { id: personId }, data: { transferState: "OUT_PENDING" } });
      await refreshPersonSearch(tx, personId, now);
      await writeAudit(tx, ctx, {
        actorType: "person",
        actorId: personId,
        action: "transfer.out-apply",
        outcome: "success",
        regionCode: person.regionCode,
        targetType: "transfer-out",
        targetId: created.id,
        details: {
          destMember: input.destMember,
          destRegionCode: input.destRegionCode,
          attachments: input.attachmentIds.length,
          reviewDueAt: due.dueAt.toISOString(),
          ...(due.yearsWithoutData.length ? { yearsWithoutData: due.yearsWithoutData } : {}),
        },
      });
      return { ok: true as const, id: created.id, reviewDueAt: due.dueAt };
    },
    {
      // the partial index TransferOut_personId_open_key: one open application per person
      uniqueOn: "personId",
      onUniqueViolation: () => ({ ok: false, reason: "open", message: ALREADY_OPEN }),
    },
  );
}
