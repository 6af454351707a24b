import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { holdsAny, ROLE_REFUSAL, type StaffActor } from "@/lib/codes/staff-roles";
import { type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { revokeSessionsOf } from "@/lib/account/session-service";
import { lockPersonRow } from "@/lib/person/locks";
import { maskPhone } from "@/lib/phone/mobile";
import { regionWithin } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import { type AppealDecision, appealDecisionSchema } from "./appeal-rules";
import { appealTexts, sendAppealNotice } from "./notify";

// 账号申诉 审核: 通过 moves the account to the appellant's verified phone — the password is void
// (the appellant sets one with 找回密码 on that phone), every session of the account ends, the old
// phone is told — or 不通过 with a reason the appellant gets by SMS. Exactly one decision: the
// guarded update decides a race; an appeal outside the reviewer's region reads as not found.

export const APPEAL_MISSING = "该申诉不存在";
export const ALREADY_DECIDED = "该申诉已审核，不能重复审核";
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
          regionCode: true,
          personId: true,
          phone: true,
        },
      });
      if (
        !appeal?.appealNumber ||
        appeal.state === "draft" ||
        !regionWithin(appeal.regionCode, reviewer.regionCodes)
      ) {
        return refuse(notFound);
      }
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
        regionCode: appeal.regionCode,
        targetType: "appeal",
        targetId: appeal.id,
      };
      if (decision === "reject") {
        await writeAudit(tx, ctx, { ...audit, details: { decision, personId: appeal.personId } });
        notices = [{ to: appeal.phone, text: appealTexts.rejected(appeal.appealNumber, reason) }];
        return { ok: true };
      }
      // The account's row lock, as every write of the person takes it (lib/person/locks.ts).
      await lockPersonRow(tx, appeal.personId);
      const person = await tx.person.findUniqueOrThrow({
        where: { id: appeal.personId },
        select: { phone: true },
      });
      // "" is no password at all (verifyPassword refuses it): the appellant sets one by 找回密码.
      await tx.person.update({
        where: { id: appeal.personId },
        data: { phone: appeal.phone, passwordHash: "", passwordChangedAt: now },
      });
      const ended = await revokeSessionsOf(tx, appeal.personId, "appeal", undefined, now);
      await writeAudit(tx, ctx, {
        ...audit,
        details: {
          decision,
          personId: appeal.personId,
          from: maskPhone(person.phone),
          to: maskPhone(appeal.phone),
          sessionsEnded: ended,
        },
      });
      notices = [
        { to: appeal.phone, text: appealTexts.reassigned(appeal.appealNumber) },
        ...(person.phone === appeal.phone
          ? []
          : [{ to: person.phone, text: appealTexts.oldPhone() }]),
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
