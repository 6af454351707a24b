// Whose page a request comes from. An action or an upload goes with whatever session cookie the
// browser holds when it is sent: with two windows side by side, a page left open, or after the
// login in place, that can be another person's, logged in meanwhile in the other window — and
// 保存草稿 would write the first person's input into the second one's file, an upload become
// their orphan. So a page that knows its owner (the tag the layout gave the session watcher,
// lib/account/session-clock.ts's sessionOwnerTag) names it — in an action's input, in an
// upload's header — and the action client and POST /api/attachments refuse a mismatch before
// anything is parsed, read or written. Client-safe.

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

/** The request header carrying the page owner's tag. */
export const UPLOAD_OWNER_HEADER = "x-kuaiji-owner";

/** Someone else is logged in now: this page, and what it holds, is not theirs. */
export const UPLOAD_OWNER_CHANGED = "当前登录的账号已变更，请刷新页面后重新上传";
/** No owner named: a page from before this rule (a redeploy) or no page of ours at all. */
export const UPLOAD_OWNER_MISSING = "页面已过期，请刷新页面后重新上传";

export type UploadOwnerRefusal = { status: 409 | 428; message: string };

/**
 * Whether an upload naming `claimed` as its page's owner may be stored for the session whose
 * tag is `current`: null when it may, else the refusal. Every page that uploads has an owner,
 * so an upload without one is refused too rather than stored for whoever holds the cookie.
 */
export function uploadOwnerRefusal(
  claimed: string | null | undefined,
  current: string,
): UploadOwnerRefusal | null {
  if (!claimed) return { status: 428, message: UPLOAD_OWNER_MISSING };
  return claimed === current ? null : { status: 409, message: UPLOAD_OWNER_CHANGED };
}
