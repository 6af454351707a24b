// One shape for the three transfer state machines of 跨省调转 (issue 10): the hub's transfer
// (hub-states.ts), the sending platform's 调出申请 and the receiving platform's 调入申请
// (lib/transfer). Each is a table of moves plus a refusal for every pair the table leaves out, so
// a machine's whole behaviour can be read — and tested — as one state × event matrix.
//
// Messages between platforms are delivered at least once, so the same event can arrive again
// after it took effect. Such a repeat is acknowledged (`changed: false`) rather than refused:
// the receiver answers it exactly as the first time and nothing happens twice.

export type TransitionResult<S extends string, R extends string> =
  { ok: true; state: S; changed: boolean } | { ok: false; reason: R; message: string };

export interface MachineRules<S extends string, E extends string, R extends string> {
  /** Where each event leads from each state; a pair missing here is refused. */
  moves: { readonly [K in S]: Readonly<Partial<Record<E, S>>> };
  /** Events acknowledged without change when they arrive again in the state they produced. */
  repeats: Readonly<Partial<Record<S, readonly E[]>>>;
  /** Why `event` cannot happen in `state` (called only for pairs neither moved nor repeated). */
  refusal(state: S, event: E): { reason: R; message: string };
}

export function stateMachine<S extends string, E extends string, R extends string>(
  rules: MachineRules<S, E, R>,
): (state: S, event: E) => TransitionResult<S, R> {
  return (state, event) => {
    const next = rules.moves[state][event];
    if (next !== undefined) return { ok: true, state: next, changed: true };
    if (rules.repeats[state]?.includes(event)) return { ok: true, state, changed: false };
    return { ok: false, ...rules.refusal(state, event) };
  };
}
