// What the platform answers when a request needs a login that has ended: the action builders'
// form message (lib/auth/action-client.ts) and the services' own. Client-safe, so a form can tell
// this refusal from others and offer the login in place (components/session/session-events.ts)
// instead of a dead end.

export const SESSION_ENDED = "登录已失效，请重新登录（已填写的内容仍保留在本页）";
export const STAFF_SESSION_ENDED = "登录已失效，请重新登录财政部门端（已填写的内容仍保留在本页）";
/** The short form: upload and file routes, and services that find the session gone mid-way. */
export const LOGIN_ENDED = "登录已失效，请重新登录";

const ENDED: ReadonlySet<string> = new Set([SESSION_ENDED, STAFF_SESSION_ENDED, LOGIN_ENDED]);

/** Is this form message the refusal of a login that has ended? */
export function isSessionEnded(message: string | undefined): boolean {
  return message !== undefined && ENDED.has(message);
}
