import "server-only";
import { logger } from "@/lib/log/logger";
import { getSmsSender } from "@/lib/sms/sender";
import { SMS_SIGNATURE } from "@/lib/sms/text";

// A change that takes an account away from its phone is told to that phone: whoever holds it
// learns at once if someone else changed the number, and whom to turn to. Sent after the change
// has committed (a failed SMS never undoes it) and logged without the number or the text.

export function phoneChangedText(newPhoneMasked: string): string {
  return `${SMS_SIGNATURE}您账号绑定的手机号已更换为${newPhoneMasked}，本机号码不再接收该账号的验证码。如非本人操作，请立即联系当地财政部门。`;
}

export async function notifyPhoneChanged(oldPhone: string, newPhoneMasked: string): Promise<void> {
  const detail = `您账号绑定的手机号已更换为${newPhoneMasked}`;
  try {
    await getSmsSender().send({
      to: oldPhone,
      purpose: "account-notice",
      text: phoneChangedText(newPhoneMasked),
      templateParams: { detail },
    });
  } catch (error) {
    logger.error(
      { err: { type: error instanceof Error ? error.name : typeof error } },
      "phone-change notice SMS failed",
    );
  }
}
