import { defineCodeTable } from "@/lib/codes/code-table";
import { stateMachine } from "@/lib/exchange/state-machine";
import type { HubTransferState } from "@/lib/exchange/hub-states";
import { conflictMessage, hubOutcomeEvent, type HubOutcomeEvent } from "./hub-outcomes";

// The sending platform's 调出申请 (用户操作手册 4.1 “当前状态”; issue 10, 调出省外申请):
//   待审核 — reviewed automatically after the configured working days, or earlier by staff →
//   审核通过 (the file goes to the hub: 全国平台处理状态 待调入地接收) or 审核不通过 (可重新申请).
//   While 调入地未接收 the person may 撤回: the platform asks the hub and waits in 撤回中 (still
//   locked) for the hub's verdict, since the destination may have received the file first
//   (lib/exchange/hub-states.ts: the outcome the hub records first wins). The hub's outcome ends
//   the application: 已撤回, 已调出 (received: the person keeps read-only access to archive and
//   transfer) or 调入地不予接收 (the file stays here; the person may apply again).
// A 待审核 application has not left the platform, so 撤回 ends it at once.
// The exchange may also refuse the submission itself for good (or its file cannot be composed,
// lib/exchange/outbox-refusal.ts): 全国平台未接收 ends it like 调入地不予接收, with the reason.
// A 撤回 it refuses leaves the transfer as it was: 撤回中 goes back to 审核通过.

export const OUT_TRANSFER_STATES = defineCodeTable(
  [
    { code: "pending", label: "待审核" },
    { code: "approved", label: "审核通过" },
    { code: "rejected", label: "审核不通过" },
    { code: "withdrawing", label: "撤回中" },
    { code: "withdrawn", label: "已撤回" },
    { code: "returned", label: "调入地不予接收" },
    { code: "refused", label: "全国平台未接收" },
    { code: "transferred", label: "已调出" },
  ],
  "调出申请状态无效",
);
export type OutTransferState = (typeof OUT_TRANSFER_STATES.codes)[number];

/**
 * approve/reject: the review (automatic or staff); withdraw: the person's 撤回; hub…: the hub's
 * outcome; submitRefused, withdrawRefused: the exchange refused our message for good.
 */
export const OUT_EVENTS = [
  "approve",
  "reject",
  "withdraw",
  "hubReceived",
  "hubWithdrawn",
  "hubRejected",
  "submitRefused",
  "withdrawRefused",
] as const;
export type OutEvent = (typeof OUT_EVENTS)[number];

export type OutRefusal =
  "already_reviewed" | "closed" | "not_sent" | "not_withdrawing" | "conflict";

type Final = "rejected" | "withdrawn" | "returned" | "refused" | "transferred";
type Local = Exclude<OutEvent, HubOutcomeEvent>;

const FINAL_SENTENCE: Record<Final, string> = {
  rejected: "该调出申请审核不通过，已结束",
  withdrawn: "该调出申请已撤回",
  returned: "调入地不予接收，该调出申请已结束",
  refused: "全国平台未接收，该调出申请已结束",
  transferred: "调入地已接收，已完成调出",
};

const REFUSED: Record<Local, string> = {
  approve: "不能再审核",
  reject: "不能再审核",
  withdraw: "不能撤回",
  submitRefused: "不再处理全国平台的拒收",
  withdrawRefused: "不再处理撤回的结果",
};

function isHubEvent(event: OutEvent): event is HubOutcomeEvent {
  return event.startsWith("hub");
}

export const outTransition = stateMachine<OutTransferState, OutEvent, OutRefusal>({
  moves: {
    pending: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
    approved: {
      withdraw: "withdrawing",
      hubReceived: "transferred",
      hubRejected: "returned",
      submitRefused: "refused",
    },
    withdrawing: {
      hubWithdrawn: "withdrawn",
      hubReceived: "transferred",
      hubRejected: "returned",
      // The file never reached the exchange: nothing is left there to withdraw.
      submitRefused: "refused",
      withdrawRefused: "approved",
    },
    rejected: {},
    withdrawn: {},
    returned: {},
    refused: {},
    transferred: {},
  },
  repeats: {
    approved: ["withdrawRefused"],
    withdrawing: ["withdraw"],
    withdrawn: ["withdraw", "hubWithdrawn"],
    returned: ["hubRejected"],
    refused: ["submitRefused", "withdrawRefused"],
    transferred: ["hubReceived"],
  },
  refusal(state, event) {
    if (state === "pending") {
      return { reason: "not_sent", message: "该调出申请尚未审核通过，未报送全国平台" };
    }
    if (state === "approved" || state === "withdrawing") {
      return event === "hubWithdrawn"
        ? { reason: "not_withdrawing", message: "本平台未申请撤回该调转，不能按已撤回处理" }
        : { reason: "already_reviewed", message: "该调出申请已审核通过，不能重复审核" };
    }
    if (isHubEvent(event)) {
      return {
        reason: "conflict",
        message: conflictMessage(event, OUT_TRANSFER_STATES.label(state)!),
      };
    }
    return { reason: "closed", message: `${FINAL_SENTENCE[state]}，${REFUSED[event]}` };
  },
});

/** Open: locks 信息变更 and 继续教育 (view-only) and blocks another application. */
export function isOutOpen(state: OutTransferState): boolean {
  return state === "pending" || state === "approved" || state === "withdrawing";
}

/** A person whose latest application is in `latest` (null: none) may apply (again). */
export function mayApplyForTransferOut(latest: OutTransferState | null): boolean {
  return (
    latest === null ||
    latest === "rejected" ||
    latest === "withdrawn" ||
    latest === "returned" ||
    latest === "refused"
  );
}

/** The event the hub's state means for a 调出申请 (null while the hub still waits). */
export function outEventForHub(state: HubTransferState): OutEvent | null {
  return hubOutcomeEvent(state);
}
