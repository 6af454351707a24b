import * as z from "zod/mini";

// What the checks of typed values share, whichever form they belong to. Kept apart from the
// schemas of any one domain: a collection step importing `ALWAYS` must not bring the account's
// password rules and name check into its page.

/**
 * Cross-field checks (password rules, 确认密码, the number for its document type) run even when
 * other fields have errors, so the user sees every problem at once. The refinement then gets
 * the raw values: read them with `text()`.
 */
export const ALWAYS = { when: () => true } as const;

export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** What a rule of lib/ says about one typed value: its normal form, or why it is wrong. */
export type Normalized = { ok: true; normalized: string } | { ok: false; message: string };

/**
 * A string field checked by one of those rules: `input`'s value goes through `normalize`, the
 * normal form comes out, and the rule's Chinese message is the field's error.
 */
export function normalizedBy<I>(
  input: z.ZodMiniType<string, I>,
  normalize: (value: string) => Normalized,
) {
  return z.pipe(
    input,
    z.transform((value: string, ctx) => {
      const r = normalize(value);
      if (r.ok) return r.normalized;
      ctx.issues.push({ code: "custom", message: r.message, input: value });
      return z.NEVER;
    }),
  );
}
