"use server";

import { publicAction } from "@/lib/auth/action-client";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { startAppeal } from "@/lib/appeal/start";
import { appealStatus, type AppealStatus } from "@/lib/appeal/status";
import { submitAppeal } from "@/lib/appeal/submit";
import { realNameVerifierFromEnv } from "@/lib/appeal/real-name-port";
import { db } from "@/lib/db/client";
import { refusalResult } from "@/lib/http/action-result";
import {
  appealStatusSchema,
  sendAppealCodeSchema,
  startAppealSchema,
  submitAppealSchema,
} from "./appeal.validation";

// 账号申诉's actions (public, thin): the phone's code, 第一步, 提交, and 申诉进度查询. The photos go
// to POST /api/appeal-photos with the draft's secret.

/** 获取短信验证码 for 账号申诉 and for 申诉进度查询: the phone is the appellant's own. */
export const sendAppealCode = publicAction(
  "sendAppealCode",
  sendAppealCodeSchema,
  async (input, { request, locale }) => {
    const r = await sendSmsCode(db, request, { ...input, purpose: "appeal", locale });
    return r.ok
      ? { ok: true, data: { resendAfterSeconds: r.resendAfterSeconds } }
      : refusalResult(r);
  },
);

/** 第一步: the draft and its secret, which the browser keeps in memory only. */
export const startAppealAction = publicAction(
  "startAppealAction",
  startAppealSchema,
  async (input, { request }) => {
    const r = await startAppeal(db, request, input);
    return r.ok ? { ok: true, data: { appealId: r.appealId, token: r.token } } : refusalResult(r);
  },
);

/** 提交: the 申诉编号. */
export const submitAppealAction = publicAction(
  "submitAppealAction",
  submitAppealSchema,
  async (input, { request }) => {
    const r = await submitAppeal(db, request, input, realNameVerifierFromEnv());
    return r.ok ? { ok: true, data: { appealNumber: r.appealNumber } } : refusalResult(r);
  },
);

/** 申诉进度查询. */
export const appealStatusAction = publicAction(
  "appealStatusAction",
  appealStatusSchema,
  async (input, { request }) => {
    const r = await appealStatus(db, request, input);
    return r.ok ? { ok: true, data: r.status as AppealStatus } : refusalResult(r);
  },
);
