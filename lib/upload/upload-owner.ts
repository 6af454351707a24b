// Whose page an upload comes from (POST /api/attachments). The browser sends whatever session
// cookie it holds when the bytes go: after the login in place, or with a page left open, that
// can be another person's, logged in meanwhile in another tab — and the file would be stored as
// theirs, an orphan nobody sees. So the page names its owner (the tag of
// lib/account/session-clock.ts's sessionOwnerTag, which the layout gave the session watcher)
// and the route stores the file only for that owner. Client-safe: the upload sends the header.

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
