import "server-only";
import { logger } from "@/lib/log/logger";
import { getSmsSender } from "@/lib/sms/sender";
import { SMS_SIGNATURE } from "@/lib/sms/text";

// Every decision on a transfer reaches the person's phone (issue 10): the review, the exchange's
// outcome. Sent after the decision has committed — a failed SMS never undoes a decision, and the
// person's 调转 page shows the same state — and logged without the number or the text.

export interface TransferNotice {
  /** e.g. 调出申请审核通过 */
  status: string;
  /** what it means and what to do next, one sentence */
  detail: string;
}

export function transferNoticeText(notice: TransferNotice): string {
  return `${SMS_SIGNATURE}您的${notice.status}。${notice.detail}`;
}

export async function notifyPerson(phone: string, notice: TransferNotice): Promise<void> {
  try {
    await getSmsSender().send({
      to: phone,
      purpose: "transfer-notice",
      text: transferNoticeText(notice),
      templateParams: { status: notice.status, detail: notice.detail },
    });
  } catch (error) {
    logger.error(
      { err: { type: error instanceof Error ? error.name : typeof error }, status: notice.status },
      "transfer notice SMS failed",
    );
  }
}
