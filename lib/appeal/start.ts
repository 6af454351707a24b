import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { encryptField } from "@/lib/crypto/field-cipher";
import { fieldRefusal, type Refusal } from "@/lib/db/refusal";
import { canonicalIdNumber, idNumberIndex } from "@/lib/account/identifier";
import { verifySmsCode } from "@/lib/account/sms-code-service";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { maskIdNumber } from "@/lib/identity/mask";
import { maskPhone } from "@/lib/phone/mask";
import { DRAFT_MINUTES, newDraftToken } from "./draft";
import type { BudgetAnswer } from "@/lib/limits/budget";
import { APPEALS_TOO_FREQUENT, takeStartAddressBudget, takeStartNumberBudget } from "./limits";

// 账号申诉 第一步: who appeals (姓名, 证件), and the phone the account should move to, proven by an
// SMS code. The answer is a draft and its secret: the photos and 提交 come with it.

export interface StartAppealInput {
  name: string;
  idType: DocumentTypeCode;
  idNumber: string;
  phone: string;
  smsCode: string;
}

export type StartAppealResult =
  | { ok: true; appealId: string; token: string; expiresAt: Date }
  | (Refusal<
      "id-invalid" | "too-many" | "sms-code" | "not-registered" | "own-phone" | "duplicate"
    > & {
      retryAfterSeconds?: number;
    });

export const NOT_REGISTERED = "该证件号码尚未注册，无需申诉，请直接注册";
export const ALREADY_APPEALED = "您已提交过申诉，请凭申诉编号查询进度";
export const OWN_PHONE = "该手机号码已绑定此证件号码的账号，请直接登录或找回密码";

export async function startAppeal(
  db: Db,
  ctx: RequestContext,
  input: StartAppealInput,
  now = new Date(),
): Promise<StartAppealResult> {
  const doc = validateDocumentNumber(input.idType, input.idNumber, now);
  if (!doc.ok) return fieldRefusal("id-invalid", "idNumber", doc.message);
  const idNumber = canonicalIdNumber(doc.normalized);
  const index = idNumberIndex(idNumber);

  const byAddress = await takeStartAddressBudget(db, ctx.ip);
  if (!byAddress.ok) return tooMany(byAddress);
  // The code first, as at 注册: only whoever holds the phone learns whether the number is taken.
  const code = await db.$transaction((tx) =>
    verifySmsCode(tx, { phone: input.phone, purpose: "appeal", code: input.smsCode }, now),
  );
  if (!code.ok) return fieldRefusal("sms-code", "smsCode", code.message);
  const byNumber = await takeStartNumberBudget(db, index);
  if (!byNumber.ok) return tooMany(byNumber);

  const person = await db.person.findUnique({
    where: { idNumberIndex: index },
    select: { id: true, phone: true, regionCode: true },
  });
  if (!person) return fieldRefusal("not-registered", "idNumber", NOT_REGISTERED);
  if (person.phone === input.phone) return fieldRefusal("own-phone", "phone", OWN_PHONE);
  // One appeal at a time per phone and account: a second would only wait behind the first.
  const waiting = await db.accountAppeal.findFirst({
    where: { personId: person.id, phone: input.phone, state: "pending" },
    select: { id: true },
  });
  if (waiting) return fieldRefusal("duplicate", "phone", ALREADY_APPEALED);

  const { token, hash } = newDraftToken();
  const expiresAt = new Date(now.getTime() + DRAFT_MINUTES * 60_000);
  const appeal = await db.$transaction(async (tx) => {
    const created = await tx.accountAppeal.create({
      data: {
        state: "draft",
        draftTokenHash: hash,
        draftExpiresAt: expiresAt,
        personId: person.id,
        regionCode: person.regionCode,
        name: input.name,
        idType: input.idType,
        idNumberCipher: encryptField(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        phone: input.phone,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      actorType: "anonymous",
      action: "appeal.start",
      outcome: "success",
      regionCode: person.regionCode,
      targetType: "appeal",
      targetId: created.id,
      details: { idNumber: maskIdNumber(idNumber), phone: maskPhone(input.phone) },
    });
    return created;
  });
  return { ok: true, appealId: appeal.id, token, expiresAt };
}

function tooMany(answer: Extract<BudgetAnswer, { ok: false }>): StartAppealResult {
  return {
    ok: false,
    reason: "too-many",
    message: APPEALS_TOO_FREQUENT,
    retryAfterSeconds: Math.ceil(answer.retryAfterMs / 1000),
  };
}
