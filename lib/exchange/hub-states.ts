import { defineCodeTable } from "@/lib/codes/code-table";
import { stateMachine } from "./state-machine";

// The national exchange's (全国平台) state of one transfer — issue 10, "The exchange (hub)",
// manual 4.1 2 “全国平台处理状态”. The sending platform creates it in `submitted` once its 调出申请
// is approved (待调入地接收; a repeated submission is the same transfer id, not a new row); from
// there exactly one of three outcomes is recorded:
//   receive  — the destination platform approved the 调入 (已接收): the file has moved;
//   withdraw — the origin's person withdrew first (manual: 调入地未接收，可…“撤回”);
//   reject   — the destination platform refused the 调入: the file stays where it was.
//
// Withdrawal racing a receipt: the hub is the one place both messages meet, and it applies the
// events of a transfer one at a time (the service locks the transfer's row). **The outcome the
// hub records first wins**; every later, different outcome is refused with a reason naming the
// winner (`already_received`, `already_withdrawn`, `already_rejected`), and the hub's answer and
// its notifications carry the final state, so both provincial sides end up agreeing (lib/transfer:
// the origin's 撤回中 becomes 已调出 when the receipt won, the destination's 审核通过 becomes
// 调出地已撤回 when the withdrawal won). Why not a fixed priority or the senders' timestamps:
// - the manual allows 撤回 exactly while 调入地未接收 — each side is right until the other's
//   event is on record, and only the hub's record says which came first;
// - the two platforms' clocks are not comparable, and a message held back by an outage (delivery
//   is at least once, with retries) must not overturn an outcome already told to the other side;
// - a priority rule would make the hub hold a decision open for a competing message that may
//   never come.
// Neither provincial side acts on an outcome before the hub has confirmed it: the origin keeps
// the person locked in 撤回中, the destination grants nothing while 审核通过 waits for 已接收.
// Which member may send which event (origin: withdraw; destination: receive, reject) is checked
// by the hub's service against the transfer's parties (`HUB_EVENT_SENDER`).

export const HUB_TRANSFER_STATES = defineCodeTable(
  [
    { code: "submitted", label: "待调入地接收" },
    { code: "received", label: "已接收" },
    { code: "withdrawn", label: "已撤回" },
    { code: "rejected", label: "调入地不予接收" },
  ],
  "全国平台处理状态无效",
);
export type HubTransferState = (typeof HUB_TRANSFER_STATES.codes)[number];

export const HUB_EVENTS = ["receive", "withdraw", "reject"] as const;
export type HubEvent = (typeof HUB_EVENTS)[number];

/** The party of a transfer allowed to send each event. */
export const HUB_EVENT_SENDER: Readonly<Record<HubEvent, "origin" | "destination">> = {
  receive: "destination",
  withdraw: "origin",
  reject: "destination",
};

export type HubRefusal = "already_received" | "already_withdrawn" | "already_rejected";

/** The first state of a transfer on the hub (the origin's submission). */
export const HUB_INITIAL_STATE: HubTransferState = "submitted";

const FINAL: Record<
  Exclude<HubTransferState, "submitted">,
  { reason: HubRefusal; text: string }
> = {
  received: { reason: "already_received", text: "调入地已接收该调转" },
  withdrawn: { reason: "already_withdrawn", text: "调出地已撤回该调转" },
  rejected: { reason: "already_rejected", text: "调入地已不予接收该调转" },
};

const REFUSED_EVENT: Record<HubEvent, string> = {
  receive: "不能再接收",
  withdraw: "不能再撤回",
  reject: "不能再不予接收",
};

export const hubTransition = stateMachine<HubTransferState, HubEvent, HubRefusal>({
  moves: {
    submitted: { receive: "received", withdraw: "withdrawn", reject: "rejected" },
    received: {},
    withdrawn: {},
    rejected: {},
  },
  repeats: { received: ["receive"], withdrawn: ["withdraw"], rejected: ["reject"] },
  refusal(state, event) {
    if (state === "submitted") throw new Error("a submitted transfer accepts every event");
    const final = FINAL[state];
    return { reason: final.reason, message: `${final.text}，${REFUSED_EVENT[event]}` };
  },
});

/** Final on the hub: no event changes it any more. */
export function isHubFinal(state: HubTransferState): boolean {
  return state !== "submitted";
}
