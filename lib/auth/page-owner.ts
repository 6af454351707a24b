// Whose page an action comes from. A server action goes with whatever session cookie the
// browser holds when it is sent: with two windows side by side, or a page left open, that can be
// another person's, logged in meanwhile in the other window — and 保存草稿 would write the first
// person's input into the second one's file. So a page that knows its owner (the tag the layout
// gave the session watcher, lib/account/session-clock.ts) names it in the action's input, and
// the action client refuses a mismatch before anything is parsed or written. Client-safe.

/** The input's key carrying the owner's tag; object schemas strip it before the handler. */
export const PAGE_OWNER_FIELD = "__pageOwner";

export const PAGE_OWNER_CHANGED = "当前登录的账号已变更，请刷新页面后再办理";

/** The owner an action's input names, or null when it names none (a page without a watcher). */
export function claimedPageOwner(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const claimed = (raw as Record<string, unknown>)[PAGE_OWNER_FIELD];
  return typeof claimed === "string" && claimed !== "" ? claimed : null;
}

/** True when the input names an owner other than the session's. */
export function ownerChanged(raw: unknown, sessionTag: string): boolean {
  const claimed = claimedPageOwner(raw);
  return claimed !== null && claimed !== sessionTag;
}
