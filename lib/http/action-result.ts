/**
 * What every server action returns: data, or errors keyed by form field (shown at the field)
 * plus an optional form-level message. Actions never throw for user mistakes. Pure, so client
 * forms can import it: the browser and the action key errors with the same functions.
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      fieldErrors: Record<string, string>;
      formError?: string;
      /** For a refusal the page handles in its own way (e.g. "stale": offer to keep or reload). */
      code?: string;
      /** What such a refusal hands the page (e.g. the values stored now). */
      detail?: unknown;
    };

/** The key of an error about the whole form (a zod issue with an empty path). */
export const FORM_ERROR_KEY = "_form";

export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The first message per field, keyed by the dotted path ("fullTime.0.graduatedOn"), behind an
 * optional prefix (a wizard step's id). An issue about the whole value goes to FORM_ERROR_KEY.
 */
export function fieldErrorsFromIssues(
  issues: readonly IssueLike[],
  prefix: readonly PropertyKey[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = [...prefix, ...issue.path].map(String).join(".") || FORM_ERROR_KEY;
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * A service's refusal as the action answers it: field errors at the fields, the message above
 * the form, and the refusal's reason as `code` for pages that handle one in their own way.
 */
export function refusalResult(
  refusal: { reason: string; message: string; fieldErrors?: Record<string, string> },
  detail?: unknown,
): ActionResult<never> {
  return {
    ok: false,
    fieldErrors: refusal.fieldErrors ?? {},
    ...(refusal.message ? { formError: refusal.message } : {}),
    code: refusal.reason,
    ...(detail === undefined ? {} : { detail }),
  };
}

/**
 * A service's refusal of input its own schema refused (re-validated on the server): each message
 * at its field — the shape of `Refusal` (lib/db/refusal.ts) with reason "invalid".
 */
export function invalidRefusal(issues: Parameters<typeof fieldErrorsFromIssues>[0]) {
  return {
    ok: false as const,
    reason: "invalid" as const,
    message: "",
    fieldErrors: fieldErrorsFromIssues(issues),
  };
}
