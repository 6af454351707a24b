import "server-only";
import { DEFAULT_REVIEW_WORKING_DAYS } from "@/lib/workdays/review-deadline";

// The jurisdiction's choices for 跨省调转 (issue 10), from the environment:
//   KUAIJI_TRANSFER_REVIEW_DAYS           working days until the automatic review (1–5; default
//                                         1: at the end of the next working day — the manual
//                                         promises 1–2)
//   KUAIJI_TRANSFER_BLOCK_ON_PENDING_CE   "0": a person with 继续教育 claims awaiting
//                                         recognition may still apply to transfer out (default:
//                                         refused, since the claims could then never be decided
//                                         here)

export interface TransferConfig {
  reviewWorkingDays: number;
  blockOnPendingCe: boolean;
}

export function transferConfig(env: NodeJS.ProcessEnv = process.env): TransferConfig {
  const raw = env.KUAIJI_TRANSFER_REVIEW_DAYS;
  const days = raw === undefined || raw === "" ? DEFAULT_REVIEW_WORKING_DAYS : Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 5) {
    throw new Error(
      `KUAIJI_TRANSFER_REVIEW_DAYS 应为 1 到 5 之间的整数（工作日），当前为 ${raw} / must be a whole number of working days, 1–5`,
    );
  }
  return {
    reviewWorkingDays: days,
    blockOnPendingCe: env.KUAIJI_TRANSFER_BLOCK_ON_PENDING_CE !== "0",
  };
}
