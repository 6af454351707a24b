import { describe, expect, it, vi } from "vitest";
import { stateMachine } from "./state-machine";

type S = "open" | "shut";
type E = "close" | "open";

describe("stateMachine", () => {
  const refusal = vi.fn((state: S, event: E) => ({
    reason: "nope" as const,
    message: `${state}/${event}`,
  }));
  const transition = stateMachine<S, E, "nope">({
    moves: { open: { close: "shut" }, shut: {} },
    repeats: { shut: ["close"] },
    refusal,
  });

  it("moves, acknowledges a repeat, and refuses the rest", () => {
    expect(transition("open", "close")).toEqual({ ok: true, state: "shut", changed: true });
    expect(transition("shut", "close")).toEqual({ ok: true, state: "shut", changed: false });
    expect(refusal).not.toHaveBeenCalled();
    expect(transition("shut", "open")).toEqual({ ok: false, reason: "nope", message: "shut/open" });
    expect(transition("open", "open")).toEqual({ ok: false, reason: "nope", message: "open/open" });
  });
});
