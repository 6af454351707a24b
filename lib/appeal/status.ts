import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { fieldRefusal, type Refusal } from "@/lib/db/refusal";
import { verifySmsCode } from "@/lib/account/sms-code-service";
import { APPEAL_STATES, type AppealState, normalizeAppealNumber } from "./appeal-rules";

// 申诉进度查询: the 申诉编号 and a code sent to the appeal's phone. Whoever holds both sees the
// state (and a rejection's reason); anyone else learns only that there is no such appeal.

export const APPEAL_NOT_FOUND = "未找到该申诉，请核对申诉编号和手机号码";

export interface AppealStatus {
  appealNumber: string;
  state: AppealState;
  stateLabel: string;
  submittedAt: Date;
  decidedAt: Date | null;
  /** a rejection's reason */
  reason: string | null;
}

export type AppealStatusResult =
  { ok: true; status: AppealStatus } | Refusal<"sms-code" | "not-found">;

export async function appealStatus(
  db: Db,
  ctx: RequestContext,
  input: { appealNumber: string; phone: string; smsCode: string },
  now = new Date(),
): Promise<AppealStatusResult> {
  const code = await db.$transaction((tx) =>
    verifySmsCode(tx, { phone: input.phone, purpose: "appeal", code: input.smsCode }, now),
  );
  if (!code.ok) return fieldRefusal("sms-code", "smsCode", code.message);
  const appeal = await db.accountAppeal.findFirst({
    where: { appealNumber: normalizeAppealNumber(input.appealNumber), phone: input.phone },
    select: {
      id: true,
      appealNumber: true,
      regionCode: true,
      state: true,
      submittedAt: true,
      decidedAt: true,
      decisionReason: true,
    },
  });
  if (!appeal?.appealNumber || !appeal.submittedAt) {
    return fieldRefusal("not-found", "appealNumber", APPEAL_NOT_FOUND);
  }
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "anonymous",
      action: "appeal.status",
      outcome: "success",
      regionCode: appeal.regionCode,
      targetType: "appeal",
      targetId: appeal.id,
    }),
  );
  const state = appeal.state as AppealState;
  return {
    ok: true,
    status: {
      appealNumber: appeal.appealNumber,
      state,
      stateLabel: APPEAL_STATES.label(state) ?? state,
      submittedAt: appeal.submittedAt,
      decidedAt: appeal.decidedAt,
      reason: state === "rejected" || state === "superseded" ? appeal.decisionReason : null,
    },
  };
}
