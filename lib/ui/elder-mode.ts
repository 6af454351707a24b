// 长辈模式 (适老化, after the MIIT 互联网网站适老化通用设计规范): larger type and controls, more
// spacing, higher contrast, a simpler layout. The choice is remembered on the device in a cookie,
// and the mode's styles come from one stylesheet, /elder-mode.css (app/elder-mode.css/route.ts),
// which answers them when the cookie is set and nothing otherwise.
//
// Why a stylesheet and not a script: the portal, 通知公告 and the login pages are prerendered, so
// their HTML cannot know the visitor's choice, and the Content-Security-Policy refuses inline
// scripts (CONTRIBUTING, "Security headers and inline code"). A same-origin <script src> would be
// refused too on pages rendered per request, whose policy admits only scripts carrying the
// request's nonce ('strict-dynamic'). A <link rel="stylesheet"> in the root layout's <head> is
// allowed everywhere (style-src 'self'), blocks the first paint like any stylesheet — so the page
// never shows in the other mode first — and needs no script at all. Client-safe: the header's
// switch (components/shell/elder-mode-toggle.tsx) reads and writes the same cookie.

import { preferenceCookie } from "@/lib/http/preference-cookie";

export const ELDER_MODE_COOKIE = "kuaiji-elder";

/** Where the mode's styles are served; the root layout links it. */
export const ELDER_MODE_STYLESHEET = "/elder-mode.css";

/** Whether a Cookie header (or `document.cookie`) turns 长辈模式 on. */
export function elderModeOn(cookies: string | null | undefined): boolean {
  return (cookies ?? "").split(";").some((pair) => pair.trim() === `${ELDER_MODE_COOKIE}=1`);
}

/** The cookie that remembers the choice on this device: turning the mode off deletes it. */
export function elderModeCookie(on: boolean, https: boolean): string {
  return preferenceCookie(ELDER_MODE_COOKIE, on ? "1" : null, https);
}
