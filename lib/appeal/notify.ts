import "server-only";
import { logger } from "@/lib/log/logger";
import { getSmsSender } from "@/lib/sms/sender";
import { SMS_SIGNATURE } from "@/lib/sms/text";

// 账号申诉's messages: to the appellant when the appeal is in and when it is decided, and to the
// account's old phone when the account leaves it. Sent after the commit (a failed SMS never undoes
// a decision) with the "account-notice" template's `detail`; logged without number or text.

export const appealTexts = {
  submitted: (appealNumber: string) =>
    `您的账号申诉已提交，申诉编号${appealNumber}，所在地财政部门审核后将以短信通知您`,
  reassigned: (appealNumber: string) =>
    `您的账号申诉（编号${appealNumber}）已通过，账号已改绑至本手机号码，请在登录页点击“找回密码”用本手机号码设置新密码`,
  oldPhone: () =>
    "经财政部门审核账号申诉，原绑定本手机号码的账号已改绑至其他手机号码，本机号码不再接收该账号的验证码，如有疑问请联系当地财政部门",
  superseded: (appealNumber: string) =>
    `您的账号申诉（编号${appealNumber}）已终止：该账号已根据其他申诉改绑，如仍需申诉请重新提交，如有疑问请联系当地财政部门`,
  rejected: (appealNumber: string, reason: string) =>
    `您的账号申诉（编号${appealNumber}）未通过：${reason}`,
};

export async function sendAppealNotice(to: string, detail: string): Promise<void> {
  try {
    await getSmsSender().send({
      to,
      purpose: "account-notice",
      text: `${SMS_SIGNATURE}${detail}。`,
      templateParams: { detail },
    });
  } catch (error) {
    logger.error(
      { err: { type: error instanceof Error ? error.name : typeof error } },
      "appeal notice SMS failed",
    );
  }
}
