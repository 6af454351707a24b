import { defineCodeTable } from "@/lib/codes/code-table";
import { stateMachine } from "@/lib/exchange/state-machine";
import type { HubTransferState } from "@/lib/exchange/hub-states";
import { conflictMessage, hubOutcomeEvent } from "./hub-outcomes";
import { TRANSFER_IN_OPEN_STATES } from "@/lib/person/transfer-in-states";

// The receiving platform's 调入申请 (用户操作手册 4.2; issue 10, 省外调入): created when the person
// 确认调入 (step 2), then 待审核 — “系统1-2个工作日自动完成审核”, or earlier by staff of the
// destination region → 审核通过, which is reported to the hub as the receipt, or 审核不通过 (the
// hub hears it as 调入地不予接收 and the file stays at the origin). 审核通过 is not yet the
// transfer: the origin may have withdrawn first (lib/exchange/hub-states.ts: the outcome the hub
// records first wins), so the person gets nothing here until the hub confirms 已接收; then they
// log in and complete the collection pre-filled from the file (“操作可参考目录2”). A withdrawal
// the hub recorded first ends the application as 调出地已撤回.

export const IN_TRANSFER_STATES = defineCodeTable(
  [
    { code: "pending", label: "待审核" },
    { code: "approved", label: "审核通过" },
    { code: "rejected", label: "审核不通过" },
    { code: "received", label: "已接收" },
    { code: "cancelled", label: "调出地已撤回" },
  ],
  "调入申请状态无效",
);
export type InTransferState = (typeof IN_TRANSFER_STATES.codes)[number];

/** approve/reject: the review (automatic or staff); hub…: the hub's outcome. */
export const IN_EVENTS = ["approve", "reject", "hubReceived", "hubWithdrawn"] as const;
export type InEvent = (typeof IN_EVENTS)[number];

export type InRefusal = "already_reviewed" | "closed" | "not_reported" | "conflict";

type Final = "rejected" | "received" | "cancelled";

const FINAL_SENTENCE: Record<Final, string> = {
  rejected: "该调入申请审核不通过，已结束",
  received: "该调入申请已接收，已完成调入",
  cancelled: "调出地已撤回该调转，调入申请已取消",
};

const REFUSED: Record<"approve" | "reject" | "hubWithdrawn", string> = {
  approve: "不能再审核",
  reject: "不能再审核",
  hubWithdrawn: "无需处理调出地的撤回",
};

export const inTransition = stateMachine<InTransferState, InEvent, InRefusal>({
  moves: {
    pending: { approve: "approved", reject: "rejected", hubWithdrawn: "cancelled" },
    approved: { hubReceived: "received", hubWithdrawn: "cancelled" },
    rejected: {},
    received: {},
    cancelled: {},
  },
  repeats: { received: ["hubReceived"], cancelled: ["hubWithdrawn"] },
  refusal(state, event) {
    if (state === "pending") {
      return { reason: "not_reported", message: "该调入申请尚未审核通过，未向全国平台报送接收" };
    }
    if (state === "approved") {
      return { reason: "already_reviewed", message: "该调入申请已审核通过，不能重复审核" };
    }
    // A final state: the hub contradicting it is a conflict, except a withdrawal after our own
    // rejection — both mean the file stays at the origin.
    if (event === "hubReceived" || (event === "hubWithdrawn" && state !== "rejected")) {
      return {
        reason: "conflict",
        message: conflictMessage(event, IN_TRANSFER_STATES.label(state)!),
      };
    }
    return { reason: "closed", message: `${FINAL_SENTENCE[state]}，${REFUSED[event]}` };
  },
});

/** Open: the person has a 调入 under way here (one at a time). */
export function isInOpen(state: InTransferState): boolean {
  return TRANSFER_IN_OPEN_STATES.includes(state);
}

/**
 * The event the hub's state means for a 调入申请; null while the hub still waits, and for
 * 调入地不予接收 — that outcome is this platform's own rejection, already on its record.
 */
export function inEventForHub(state: HubTransferState): InEvent | null {
  const event = hubOutcomeEvent(state);
  return event === "hubRejected" ? null : event;
}
