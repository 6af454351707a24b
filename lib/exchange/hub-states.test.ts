import { describe, expect, it } from "vitest";
import { testEveryPair } from "./test-support";
import {
  HUB_EVENTS,
  HUB_EVENT_SENDER,
  HUB_INITIAL_STATE,
  HUB_TRANSFER_STATES,
  hubTransition,
  isHubFinal,
  type HubEvent,
  type HubTransferState,
} from "./hub-states";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// The whole machine as a matrix, written out by hand: "→x" moves to x, "=" acknowledges a
// repeated message without change, anything else is the refusal's reason.
const EXPECTED: Record<HubTransferState, Record<HubEvent, string>> = {
  submitted: { receive: "→received", withdraw: "→withdrawn", reject: "→rejected" },
  received: { receive: "=", withdraw: "already_received", reject: "already_received" },
  withdrawn: { receive: "already_withdrawn", withdraw: "=", reject: "already_withdrawn" },
  rejected: { receive: "already_rejected", withdraw: "already_rejected", reject: "=" },
};

describe("hub transfer state machine", () => {
  testEveryPair(hubTransition, HUB_TRANSFER_STATES.codes, HUB_EVENTS, EXPECTED);

  it("a withdrawal after the receipt names the winner", () => {
    expect(hubTransition("received", "withdraw")).toEqual({
      ok: false,
      reason: "already_received",
      message: "调入地已接收该调转，不能再撤回",
    });
    expect(hubTransition("withdrawn", "receive")).toEqual({
      ok: false,
      reason: "already_withdrawn",
      message: "调出地已撤回该调转，不能再接收",
    });
  });

  it("the first recorded outcome wins whichever order the race takes", () => {
    const apply = (events: HubEvent[]) =>
      events.reduce<HubTransferState>((state, event) => {
        const r = hubTransition(state, event);
        return r.ok ? r.state : state;
      }, HUB_INITIAL_STATE);
    expect(apply(["withdraw", "receive"])).toBe("withdrawn");
    expect(apply(["receive", "withdraw"])).toBe("received");
    expect(apply(["receive", "withdraw", "receive"])).toBe("received");
  });

  it("labels the states with 全国平台处理状态", () => {
    expect(HUB_TRANSFER_STATES.label("submitted")).toBe("待调入地接收");
    expect(HUB_TRANSFER_STATES.label("received")).toBe("已接收");
    expect(codeTableSchema(HUB_TRANSFER_STATES).safeParse("lost").success).toBe(false);
  });

  it("knows which party sends each event and which states are final", () => {
    expect(HUB_EVENT_SENDER).toEqual({
      receive: "destination",
      withdraw: "origin",
      reject: "destination",
    });
    expect(HUB_TRANSFER_STATES.codes.filter(isHubFinal)).toEqual([
      "received",
      "withdrawn",
      "rejected",
    ]);
  });
});
