"use server";

import { publicAction } from "@/lib/auth/action-client";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { db } from "@/lib/db/client";
import { refusalResult } from "@/lib/http/action-result";
import { confirmTransferIn } from "@/lib/transfer/in-confirm";
import { verifyTransferIn } from "@/lib/transfer/in-verify";
import { hubExchange } from "@/lib/transfer/hub-exchange";
import {
  sendTransferInCodeSchema,
  transferInConfirmSchema,
  transferInVerifySchema,
} from "@/lib/transfer/schemas/in-application";
import { holidayCalendar } from "@/lib/workdays/holiday-service";

// 省外调入's actions (public): the SMS code, 第一步 验证, 第二步 确认调入 — thin.

export const sendTransferInCode = publicAction(
  "sendTransferInCode",
  sendTransferInCodeSchema,
  async (input, { request, locale }) => {
    const r = await sendSmsCode(db, request, { ...input, purpose: "transfer-in", locale });
    return r.ok
      ? { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } }
      : refusalResult(r);
  },
);

export const verifyTransferInAction = publicAction(
  "verifyTransferInAction",
  transferInVerifySchema,
  async (input, { request }) => {
    const r = await verifyTransferIn(db, request, input, hubExchange());
    return r.ok ? { ok: true, data: r.preview } : refusalResult(r);
  },
);

export const confirmTransferInAction = publicAction(
  "confirmTransferInAction",
  transferInConfirmSchema,
  async (input, { request }) => {
    const r = await confirmTransferIn(db, request, input, hubExchange(), await holidayCalendar(db));
    return r.ok ? { ok: true, data: { accountCreated: r.accountCreated } } : refusalResult(r);
  },
);
