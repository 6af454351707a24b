// A display preference remembered on this device (长辈模式, the language): a cookie the header's
// switch writes with `document.cookie` — not HttpOnly, it is no secret — and the server reads to
// serve the page that way. Client-safe.

/** Browsers keep a cookie at most 400 days (Chrome caps longer lifetimes); asked again after. */
export const PREFERENCE_MAX_AGE = 400 * 24 * 60 * 60;

/** The `document.cookie` assignment that keeps `value` (or, with null, forgets the preference). */
export function preferenceCookie(name: string, value: string | null, https: boolean): string {
  return [
    `${name}=${value ?? ""}`,
    "Path=/",
    `Max-Age=${value === null ? 0 : PREFERENCE_MAX_AGE}`,
    "SameSite=Lax",
    ...(https ? ["Secure"] : []),
  ].join("; ");
}
