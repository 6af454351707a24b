/**
 * The TransferIn states of a 调入 still open. Here, below both users: lib/transfer/in-states.ts
 * (isInOpen, which client code reads) and locks.ts (transferInUnderWay, in SQL).
 */
export const TRANSFER_IN_OPEN_STATES: readonly string[] = ["pending", "approved"];
