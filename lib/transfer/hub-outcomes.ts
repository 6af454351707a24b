import { HUB_TRANSFER_STATES, type HubTransferState } from "@/lib/exchange/hub-states";

// How a provincial platform hears the hub's outcome of a transfer (issue 10: "A withdrawal
// racing a receipt has one defined winner on both sides"). Whatever the hub answers — a
// notification, or the reply to the platform's own withdraw/receive — comes down to its state,
// and that state becomes one event of the platform's own machine (out-states.ts, in-states.ts).

export const HUB_OUTCOME_EVENTS = ["hubReceived", "hubWithdrawn", "hubRejected"] as const;
export type HubOutcomeEvent = (typeof HUB_OUTCOME_EVENTS)[number];

const OUTCOME_STATE: Record<HubOutcomeEvent, HubTransferState> = {
  hubReceived: "received",
  hubWithdrawn: "withdrawn",
  hubRejected: "rejected",
};

/** The event a hub state means for a provincial machine; null while it is still `submitted`. */
export function hubOutcomeEvent(state: HubTransferState): HubOutcomeEvent | null {
  const found = HUB_OUTCOME_EVENTS.find((event) => OUTCOME_STATE[event] === state);
  return found ?? null;
}

/** The hub reports an outcome the local record contradicts: a protocol fault, logged loudly. */
export function conflictMessage(event: HubOutcomeEvent, localLabel: string): string {
  const hubLabel = HUB_TRANSFER_STATES.label(OUTCOME_STATE[event]);
  return `全国平台的处理结果（${hubLabel}）与本平台的记录（${localLabel}）不一致`;
}
