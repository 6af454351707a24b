import type { SmsPurpose } from "./types";

/** What the user is doing, in the words shown in the SMS and on the dev outbox page. */
export const SMS_PURPOSE_LABELS: Record<SmsPurpose, string> = {
  register: "注册",
  "reset-password": "找回密码",
  "change-phone": "更换手机号",
  "transfer-in": "调入验证",
  "transfer-notice": "调转通知",
  "account-notice": "账号安全提醒",
  appeal: "账号申诉",
};

export const SMS_SIGNATURE = "【会计人员信息服务平台】";

/**
 * The verification SMS, e.g.
 * 【会计人员信息服务平台】您正在进行注册，验证码为123456，5分钟内有效。请勿泄露给他人。
 * End-to-end tests read the code back from the outbox by matching `验证码为(\d{6})`.
 */
export function smsText(purpose: SmsPurpose, code: string, validMinutes = 5): string {
  if (!/^\d{6}$/.test(code)) throw new Error("短信验证码必须是6位数字");
  return `${SMS_SIGNATURE}您正在进行${SMS_PURPOSE_LABELS[purpose]}，验证码为${code}，${validMinutes}分钟内有效。请勿泄露给他人。`;
}
