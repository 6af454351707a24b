import { describe, expect, it } from "vitest";
import { testEveryPair } from "@/lib/exchange/test-support";
import { HUB_TRANSFER_STATES } from "@/lib/exchange/hub-states";
import {
  IN_EVENTS,
  IN_TRANSFER_STATES,
  inEventForHub,
  inTransition,
  isInOpen,
  type InEvent,
  type InTransferState,
} from "./in-states";

// The whole 调入申请 machine, written out by hand: "→x" moves to x, "=" acknowledges a repeated
// event without change, anything else is the refusal's reason.
const EXPECTED: Record<InTransferState, Record<InEvent, string>> = {
  pending: {
    approve: "→approved",
    reject: "→rejected",
    hubReceived: "not_reported",
    hubWithdrawn: "→cancelled",
  },
  approved: {
    approve: "already_reviewed",
    reject: "already_reviewed",
    hubReceived: "→received",
    hubWithdrawn: "→cancelled",
  },
  rejected: {
    approve: "closed",
    reject: "closed",
    hubReceived: "conflict",
    hubWithdrawn: "closed",
  },
  received: { approve: "closed", reject: "closed", hubReceived: "=", hubWithdrawn: "conflict" },
  cancelled: { approve: "closed", reject: "closed", hubReceived: "conflict", hubWithdrawn: "=" },
};

describe("调入申请 state machine", () => {
  testEveryPair(inTransition, IN_TRANSFER_STATES.codes, IN_EVENTS, EXPECTED);

  it("uses the manual's status labels", () => {
    expect(IN_TRANSFER_STATES.options.map((o) => o.label)).toEqual([
      "待审核",
      "审核通过",
      "审核不通过",
      "已接收",
      "调出地已撤回",
    ]);
  });

  it("says why a late event is refused", () => {
    expect(inTransition("received", "approve")).toEqual({
      ok: false,
      reason: "closed",
      message: "该调入申请已接收，已完成调入，不能再审核",
    });
    expect(inTransition("rejected", "hubWithdrawn")).toMatchObject({
      message: "该调入申请审核不通过，已结束，无需处理调出地的撤回",
    });
    expect(inTransition("cancelled", "hubReceived")).toMatchObject({
      message: "全国平台的处理结果（已接收）与本平台的记录（调出地已撤回）不一致",
    });
  });

  it("an approval that lost the race to a withdrawal ends cancelled", () => {
    const approved = inTransition("pending", "approve");
    expect(approved).toMatchObject({ ok: true, state: "approved" });
    expect(inTransition("approved", inEventForHub("withdrawn")!)).toMatchObject({
      state: "cancelled",
    });
  });

  it("maps the hub's states, leaving out its own rejection and the waiting state", () => {
    expect(HUB_TRANSFER_STATES.codes.map(inEventForHub)).toEqual([
      null,
      "hubReceived",
      "hubWithdrawn",
      null,
    ]);
  });

  it("is open while waiting for review or for the hub", () => {
    expect(IN_TRANSFER_STATES.codes.filter(isInOpen)).toEqual(["pending", "approved"]);
  });
});
