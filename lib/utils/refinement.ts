// What cross-field checks share, whichever form they belong to. Kept apart from the schemas of
// any one domain: a collection step importing `ALWAYS` must not bring the account's password
// rules and name check into its page.

/**
 * Cross-field checks (password rules, 确认密码, the number for its document type) run even when
 * other fields have errors, so the user sees every problem at once. The refinement then gets
 * the raw values: read them with `text()`.
 */
export const ALWAYS = { when: () => true } as const;

export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
