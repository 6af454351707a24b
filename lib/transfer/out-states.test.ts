import { describe, expect, it } from "vitest";
import { testEveryPair } from "@/lib/exchange/test-support";
import { HUB_TRANSFER_STATES } from "@/lib/exchange/hub-states";
import {
  OUT_EVENTS,
  OUT_TRANSFER_STATES,
  isOutOpen,
  mayApplyForTransferOut,
  outEventForHub,
  outTransition,
  type OutEvent,
  type OutTransferState,
} from "./out-states";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// The whole 调出申请 machine, written out by hand: "→x" moves to x, "=" acknowledges a repeated
// event without change, anything else is the refusal's reason.
const EXPECTED: Record<OutTransferState, Record<OutEvent, string>> = {
  pending: {
    approve: "→approved",
    reject: "→rejected",
    withdraw: "→withdrawn",
    hubReceived: "not_sent",
    hubWithdrawn: "not_sent",
    hubRejected: "not_sent",
    submitRefused: "not_sent",
    withdrawRefused: "not_sent",
  },
  approved: {
    approve: "already_reviewed",
    reject: "already_reviewed",
    withdraw: "→withdrawing",
    hubReceived: "→transferred",
    hubWithdrawn: "not_withdrawing",
    hubRejected: "→returned",
    submitRefused: "→refused",
    withdrawRefused: "=",
  },
  withdrawing: {
    approve: "already_reviewed",
    reject: "already_reviewed",
    withdraw: "=",
    hubReceived: "→transferred",
    hubWithdrawn: "→withdrawn",
    hubRejected: "→returned",
    submitRefused: "→refused",
    withdrawRefused: "→approved",
  },
  rejected: {
    approve: "closed",
    reject: "closed",
    withdraw: "closed",
    hubReceived: "conflict",
    hubWithdrawn: "conflict",
    hubRejected: "conflict",
    submitRefused: "closed",
    withdrawRefused: "closed",
  },
  withdrawn: {
    approve: "closed",
    reject: "closed",
    withdraw: "=",
    hubReceived: "conflict",
    hubWithdrawn: "=",
    hubRejected: "conflict",
    submitRefused: "closed",
    withdrawRefused: "closed",
  },
  returned: {
    approve: "closed",
    reject: "closed",
    withdraw: "closed",
    hubReceived: "conflict",
    hubWithdrawn: "conflict",
    hubRejected: "=",
    submitRefused: "closed",
    withdrawRefused: "closed",
  },
  refused: {
    approve: "closed",
    reject: "closed",
    withdraw: "closed",
    hubReceived: "conflict",
    hubWithdrawn: "conflict",
    hubRejected: "conflict",
    submitRefused: "=",
    withdrawRefused: "=",
  },
  transferred: {
    approve: "closed",
    reject: "closed",
    withdraw: "closed",
    hubReceived: "=",
    hubWithdrawn: "conflict",
    hubRejected: "conflict",
    submitRefused: "closed",
    withdrawRefused: "closed",
  },
};

describe("调出申请 state machine", () => {
  testEveryPair(outTransition, OUT_TRANSFER_STATES.codes, OUT_EVENTS, EXPECTED);

  it("uses the manual's status labels", () => {
    expect(OUT_TRANSFER_STATES.label("pending")).toBe("待审核");
    expect(OUT_TRANSFER_STATES.label("approved")).toBe("审核通过");
    expect(OUT_TRANSFER_STATES.label("rejected")).toBe("审核不通过");
    expect(OUT_TRANSFER_STATES.label("transferred")).toBe("已调出");
    expect(codeTableSchema(OUT_TRANSFER_STATES).safeParse("gone").error?.issues[0]?.message).toBe(
      "调出申请状态无效",
    );
  });

  it("tells the person why a withdrawal is refused", () => {
    expect(outTransition("transferred", "withdraw")).toEqual({
      ok: false,
      reason: "closed",
      message: "调入地已接收，已完成调出，不能撤回",
    });
    expect(outTransition("rejected", "approve")).toMatchObject({
      message: "该调出申请审核不通过，已结束，不能再审核",
    });
    expect(outTransition("withdrawn", "hubReceived")).toMatchObject({
      message: "全国平台的处理结果（已接收）与本平台的记录（已撤回）不一致",
    });
  });

  it("ends a withdrawal racing a receipt as the hub decided", () => {
    const afterRequest = outTransition("approved", "withdraw");
    expect(afterRequest).toMatchObject({ ok: true, state: "withdrawing" });
    // The hub recorded the receipt first: the withdrawal lost, the file has moved.
    expect(outTransition("withdrawing", outEventForHub("received")!)).toMatchObject({
      state: "transferred",
    });
    // The hub recorded the withdrawal first.
    expect(outTransition("withdrawing", outEventForHub("withdrawn")!)).toMatchObject({
      state: "withdrawn",
    });
  });

  it("maps every hub state to an event, none while the hub still waits", () => {
    expect(HUB_TRANSFER_STATES.codes.map(outEventForHub)).toEqual([
      null,
      "hubReceived",
      "hubWithdrawn",
      "hubRejected",
    ]);
  });

  it("locks the person while open and lets them apply again after a final refusal", () => {
    expect(OUT_TRANSFER_STATES.codes.filter(isOutOpen)).toEqual([
      "pending",
      "approved",
      "withdrawing",
    ]);
    expect(mayApplyForTransferOut(null)).toBe(true);
    expect(OUT_TRANSFER_STATES.codes.filter(mayApplyForTransferOut)).toEqual([
      "rejected",
      "withdrawn",
      "returned",
      "refused",
    ]);
  });

  it("ends an application the exchange refused, and goes back when it refuses a 撤回", () => {
    expect(OUT_TRANSFER_STATES.label("refused")).toBe("全国平台未接收");
    expect(outTransition("withdrawing", "withdrawRefused")).toMatchObject({ state: "approved" });
    expect(outTransition("refused", "withdraw")).toMatchObject({
      reason: "closed",
      message: "全国平台未接收，该调出申请已结束，不能撤回",
    });
  });
});
