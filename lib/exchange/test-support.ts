import { expect, it } from "vitest";
import type { TransitionResult } from "./state-machine";

// Shared by the unit tests of the three transfer state machines (hub, 调出, 调入) only.

/**
 * One test per state × event pair against a matrix written out by hand in the test: "→x" moves
 * to x, "=" acknowledges a repeated event without change, anything else is the refusal's reason
 * (with a Chinese message). Plus a test that the matrix names every state and every event.
 */
export function testEveryPair<S extends string, E extends string>(
  transition: (state: S, event: E) => TransitionResult<S, string>,
  states: readonly S[],
  events: readonly E[],
  expected: Record<S, Record<E, string>>,
) {
  const pairs = states.flatMap((state) => events.map((event) => [state, event] as const));

  it.each(pairs)("%s + %s", (state, event) => {
    const want = expected[state][event];
    const result = transition(state, event);
    if (want.startsWith("→")) {
      expect(result).toEqual({ ok: true, state: want.slice(1), changed: true });
    } else if (want === "=") {
      expect(result).toEqual({ ok: true, state, changed: false });
    } else {
      expect(result).toMatchObject({ ok: false, reason: want });
      if (!result.ok) expect(result.message).toMatch(/^[\u4e00-\u9fff]/);
    }
  });

  it("has a matrix naming every state and every event", () => {
    expect(Object.keys(expected).sort()).toEqual([...states].sort());
    for (const row of Object.values<Record<E, string>>(expected))
      expect(Object.keys(row).sort()).toEqual([...events].sort());
  });
}
