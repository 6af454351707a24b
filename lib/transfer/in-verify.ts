import "server-only";
import { ownMemberCode } from "@/lib/exchange/config";
import { canonicalIdNumber, idNumberIndex } from "@/lib/account/identifier";
import { releaseSmsCode, verifySmsCode } from "@/lib/account/sms-code-service";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { exchangeMember } from "@/lib/exchange/members";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { maskIdNumber } from "@/lib/identity/mask";
import { isJurisdictionLeaf, regionName } from "@/lib/region/divisions";
import type { TransferExchange } from "./exchange-port";
import { isInOpen, type InTransferState } from "./in-states";
import { issueTicket } from "./in-ticket";
import { invalid, type TransferRefusal, type TransferResult } from "./results";
import { transferInVerifySchema } from "./schemas/in-application";
import type { z } from "zod/mini";

// 省外调入 第一步 填写验证信息 (用户操作手册 4.2): the SMS code proves the phone; the exchange
// must hold an open transfer to this platform for that name and number, to the very county the
// person names (“与调出申请时填写的行政区划保持一致”). Someone whose file is already active here, or
// who already applied, is told what to do instead.
//
// The phone proves who is applying only if it is the phone the origin holds for the person: the
// exchange says whether it is (lookup's phoneMatches; it never hands the number out). Anyone else
// — someone who knows a name and a number — is refused before learning where the file goes, and
// before an account here could be opened in that person's name with another phone.
//
// A mistyped 调入地 or the exchange briefly unreachable gives the code back (releaseSmsCode): the
// person corrects the field without a new SMS. Every other refusal uses it up — so one SMS code
// buys one probe of a number, as in registration — and every answer is on the audit record.

export const VERIFY_INVALID = "验证信息有误，请按提示修改";
export const ALREADY_HERE =
  "您已在本平台完成信息采集，无需办理调入。如信息有变化，请登录后办理信息变更。";
export const LEAVING_HERE =
  "您在本平台有正在办理的调出申请，无需办理调入。请登录本平台“人员调转”查看进度。";
export const ALREADY_APPLIED = "您已提交调入申请，请登录个人中心查看审核进度";
export const NO_TRANSFER =
  "未查询到您调往本地的调出记录。请确认已在调出地申请调出且审核通过（全国平台处理状态为“待调入地接收”），姓名、证件号码与调出地填写的一致。";
export const PHONE_TAKEN_HERE = "该手机号码已绑定本平台的其他账户，请更换手机号码";
export const PHONE_NOT_ORIGINS =
  "请使用调出地平台登记的手机号码验证。如该号码已不再使用，请在调出地撤回调出申请、变更手机号码后重新申请调出。";

export interface TransferInPreview {
  ticket: string;
  /** No account here yet: 第二步 sets the password. */
  needsPassword: boolean;
  name: string;
  idNumberMasked: string;
  /** e.g. 广东省广州市天河区（广东省） */
  from: string;
  destination: string;
  submittedAt: string;
}

export async function verifyTransferIn(
  db: Db,
  ctx: RequestContext,
  rawInput: unknown,
  exchange: TransferExchange,
  now = new Date(),
): Promise<TransferResult<{ preview: TransferInPreview }>> {
  const parsed = transferInVerifySchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrorsFromIssues(parsed.error.issues), VERIFY_INVALID);
  const input = parsed.data;
  if (!isJurisdictionLeaf(input.regionCode)) {
    return invalid({ regionCode: "请选择本平台辖区内的区县" }, VERIFY_INVALID);
  }
  const doc = validateDocumentNumber(input.idType, input.idNumber, now);
  if (!doc.ok) return invalid({ idNumber: doc.message }, VERIFY_INVALID);
  const idNumber = canonicalIdNumber(doc.normalized);

  // The code first: only the phone's holder learns anything about the number.
  const code = await db.$transaction((tx) =>
    verifySmsCode(tx, { phone: input.phone, purpose: "transfer-in", code: input.smsCode }, now),
  );
  if (!code.ok) return invalid({ smsCode: code.message }, VERIFY_INVALID);
  const result = await afterCode(db, input, idNumber, exchange, now);
  const correctable =
    !result.ok &&
    (result.reason === "unavailable" ||
      (result.reason === "invalid" && result.fieldErrors.regionCode !== undefined));
  if (correctable) await releaseSmsCode(db, code.codeId, now);
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "anonymous",
      action: "transfer.in-verify",
      outcome: result.ok ? "success" : "failure",
      targetType: result.ok ? "transfer-in" : undefined,
      targetId: result.ok ? result.transferId : undefined,
      details: {
        idNumber: maskIdNumber(idNumber),
        ...(result.ok ? {} : { reason: result.reason, fields: Object.keys(fieldsOf(result)) }),
      },
    }),
  );
  if (!result.ok) return result;
  return { ok: true, preview: result.preview };
}

function fieldsOf(r: TransferRefusal): Record<string, string> {
  return r.reason === "invalid" ? r.fieldErrors : {};
}

async function afterCode(
  db: Db,
  input: z.output<typeof transferInVerifySchema>,
  idNumber: string,
  exchange: TransferExchange,
  now: Date,
): Promise<TransferResult<{ preview: TransferInPreview; transferId: string }>> {
  const person = await db.person.findUnique({
    where: { idNumberIndex: idNumberIndex(idNumber) },
    select: {
      id: true,
      transferState: true,
      archive: { select: { id: true } },
      transfersIn: { select: { state: true } },
    },
  });
  if (person?.archive && person.transferState !== "OUT_DONE") {
    // Someone whose 调出 from here is under way is not here to stay: say where it stands.
    const leaving =
      person.transferState === "OUT_PENDING" || person.transferState === "OUT_APPROVED";
    return { ok: false, reason: "here", message: leaving ? LEAVING_HERE : ALREADY_HERE };
  }
  if (person?.transfersIn.some((t) => isInOpen(t.state as InTransferState))) {
    return { ok: false, reason: "open", message: ALREADY_APPLIED };
  }
  if (!person) {
    const phoneUsed = await db.person.findUnique({
      where: { phone: input.phone },
      select: { id: true },
    });
    if (phoneUsed) return invalid({ phone: PHONE_TAKEN_HERE }, VERIFY_INVALID);
  }

  const found = await exchange.lookup(input.name, idNumber, input.phone);
  if (!found.ok) return { ok: false, reason: "unavailable", message: found.message };
  const open = found.value.filter(
    (t) => t.state === "submitted" && t.destMember === ownMemberCode(),
  );
  if (open.length === 0) return { ok: false, reason: "not-found", message: NO_TRANSFER };
  const theirs = open.filter((t) => t.phoneMatches === true);
  if (theirs.length === 0) return invalid({ phone: PHONE_NOT_ORIGINS }, VERIFY_INVALID);
  const transfer = theirs.find((t) => t.destRegionCode === input.regionCode);
  if (!transfer) {
    const named = theirs.map((t) => regionName(t.destRegionCode, "") ?? t.destRegionCode);
    return invalid(
      { regionCode: `调入地须与调出申请时填写的一致（调出地填写的是：${named.join("、")}）` },
      VERIFY_INVALID,
    );
  }
  const origin = exchangeMember(transfer.originMember);
  return {
    ok: true,
    transferId: transfer.id,
    preview: {
      ticket: issueTicket(
        {
          transferId: transfer.id,
          name: input.name,
          idType: input.idType,
          idNumber,
          phone: input.phone,
          regionCode: input.regionCode,
        },
        now,
      ),
      needsPassword: !person,
      name: input.name,
      idNumberMasked: maskIdNumber(idNumber),
      from: `${transfer.originRegionName}${origin ? `（${origin.name}）` : ""}`,
      destination: regionName(input.regionCode, "") ?? input.regionCode,
      submittedAt: transfer.submittedAt,
    },
  };
}
