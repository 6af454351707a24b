import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { holdsAny, ROLE_REFUSAL, type StaffActor } from "@/lib/codes/staff-roles";
import { type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { revokeSessionsOf } from "@/lib/account/session-service";
import { lockPersonRow } from "@/lib/person/locks";
import { maskPhone } from "@/lib/phone/mask";
import { regionWithin } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import type { AppealDecision } from "./appeal-rules";
import { appealDecisionSchema } from "./decision-schema";
import { appealTexts, sendAppealNotice } from "./notify";

// 账号申诉 审核: 通过 moves the account to the appellant's verified phone — the password is void
// (the appellant sets one with 找回密码 on that phone), every session of the account ends, the old
// phone is told, every other open appeal of the account is closed as superseded — or 不通过 with a reason the appellant gets by SMS. Exactly one decision: the
// guarded update decides a race; an appeal outside the reviewer's region reads as not found.

export const APPEAL_MISSING = "该申诉不存在";
export const ALREADY_DECIDED = "该申诉已审核，不能重复审核";
export const ACCOUNT_CHANGED =
  "该账号的手机号码在申诉提交后已变更（已按其他申诉改绑或本人已修改），本申诉不能通过，请选择不通过并说明理由";
export const SUPERSEDED_REASON = "该账号已根据其他申诉改绑";
export const PHONE_NOW_TAKEN = "申诉人的手机号码已绑定其他账号，无法改绑，请选择不通过并说明理由";

export type DecideAppealResult =
  { ok: true } | Refusal<"role" | "invalid" | "not-found" | "stale" | "phone-taken">;

export async function decideAppeal(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  input: { id: string; decision: AppealDecision; reason?: string },
  now = new Date(),
): Promise<DecideAppealResult> {
  if (!holdsAny(reviewer, ["identity-review"])) return ROLE_REFUSAL;
  const parsed = appealDecisionSchema.safeParse({
    decision: input.decision,
    reason: input.reason ?? "",
  });
  if (!parsed.success) {
    return {
      ok: false,
      reason: "invalid",
      message: "",
      fieldErrors: fieldErrorsFromIssues(parsed.error.issues),
    };
  }
  const { decision, reason } = parsed.data;
  const notFound = { ok: false, reason: "not-found", message: APPEAL_MISSING } as const;
  if (!isUuid(input.id)) return notFound;

  let notices: { to: string; text: string }[] = [];
  const r = await refusableTransaction<DecideAppealResult>(
    db,
    async (tx, refuse) => {
      const appeal = await tx.accountAppeal.findUnique({
        where: { id: input.id },
        select: {
          id: true,
          appealNumber: true,
          state: true,
          personId: true,
          phone: true,
          accountPhone: true,
        },
      });
      if (!appeal?.appealNumber || appeal.state === "draft") return refuse(notFound);
      // The account's row lock, as every write of the person takes it (lib/person/locks.ts): its
      // region and phone hold until the commit. The region is the account's now (信息变更, 采集
      // and 调入 move it), not the one it had when the appeal began.
      const locked = await lockPersonRow(tx, appeal.personId);
      if (!locked || !regionWithin(locked.regionCode, reviewer.regionCodes))
        return refuse(notFound);
      const decided = await tx.accountAppeal.updateMany({
        where: { id: appeal.id, state: "pending" },
        data: {
          state: decision === "reassign" ? "reassigned" : "rejected",
          decidedAt: now,
          decidedBy: reviewer.staffId,
          decisionReason: reason || null,
        },
      });
      if (decided.count !== 1)
        return refuse({ ok: false, reason: "stale", message: ALREADY_DECIDED });
      const audit = {
        actorType: "staff" as const,
        actorId: reviewer.staffId,
        action: "appeal.decide" as const,
        outcome: "success" as const,
        regionCode: locked.regionCode,
        targetType: "appeal",
      };
      if (decision === "reject") {
        await writeAudit(tx, ctx, {
          ...audit,
          targetId: appeal.id,
          details: { decision, personId: appeal.personId },
        });
        notices = [{ to: appeal.phone, text: appealTexts.rejected(appeal.appealNumber, reason) }];
        return { ok: true };
      }
      const person = await tx.person.findUniqueOrThrow({
        where: { id: appeal.personId },
        select: { phone: true },
      });
      // The appeal was made against the phone the account had at 提交: once the account left it
      // (another appeal, 修改手机号) or already sits on the appellant's, 通过 would undo that.
      if (person.phone !== appeal.accountPhone || person.phone === appeal.phone) {
        return refuse({ ok: false, reason: "stale", message: ACCOUNT_CHANGED });
      }
      // "" is no password at all (verifyPassword refuses it): the appellant sets one by 找回密码.
      await tx.person.update({
        where: { id: appeal.personId },
        data: { phone: appeal.phone, passwordHash: "", passwordChangedAt: now },
      });
      const ended = await revokeSessionsOf(tx, appeal.personId, "appeal", undefined, now);
      await writeAudit(tx, ctx, {
        ...audit,
        targetId: appeal.id,
        details: {
          decision,
          personId: appeal.personId,
          from: maskPhone(person.phone),
          to: maskPhone(appeal.phone),
          sessionsEnded: ended,
        },
      });
      const closed = await supersedeOthers(tx, ctx, reviewer, appeal, locked.regionCode, now);
      notices = [
        { to: appeal.phone, text: appealTexts.reassigned(appeal.appealNumber) },
        { to: person.phone, text: appealTexts.oldPhone() },
        // a duplicate from the same phone needs no second message
        ...closed
          .filter((c) => c.phone !== appeal.phone)
          .map((c) => ({ to: c.phone, text: appealTexts.superseded(c.appealNumber) })),
      ];
      return { ok: true };
    },
    {
      // the appellant's phone registered another account since the appeal began
      onUniqueViolation: () => ({ ok: false, reason: "phone-taken", message: PHONE_NOW_TAKEN }),
      uniqueOn: "phone",
    },
  );
  if (r.ok) for (const n of notices) await sendAppealNotice(n.to, n.text);
  return r;
}

/**
 * Every other appeal of the account still open (submitted or a draft) is closed by a 通过: each
 * was made against the phone the account just left, and deciding it later would move the account
 * again or blank the rightful owner's new password. Audited one by one; the submitted ones are
 * returned so their appellants are told.
 */
async function supersedeOthers(
  tx: Tx,
  ctx: RequestContext,
  reviewer: StaffActor,
  appeal: { id: string; personId: string },
  regionCode: string,
  now: Date,
): Promise<{ appealNumber: string; phone: string }[]> {
  const open = await tx.accountAppeal.findMany({
    where: {
      personId: appeal.personId,
      id: { not: appeal.id },
      state: { in: ["pending", "draft"] },
    },
    select: { id: true, appealNumber: true, phone: true, state: true },
  });
  const told: { appealNumber: string; phone: string }[] = [];
  for (const other of open) {
    const closed = await tx.accountAppeal.updateMany({
      where: { id: other.id, state: { in: ["pending", "draft"] } },
      data: {
        state: "superseded",
        decidedAt: now,
        decidedBy: reviewer.staffId,
        decisionReason: SUPERSEDED_REASON,
      },
    });
    if (closed.count !== 1) continue;
    await writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "appeal.decide",
      outcome: "success",
      regionCode,
      targetType: "appeal",
      targetId: other.id,
      details: { decision: "superseded", by: appeal.id, was: other.state },
    });
    if (other.state === "pending" && other.appealNumber) {
      told.push({ appealNumber: other.appealNumber, phone: other.phone });
    }
  }
  return told;
}
