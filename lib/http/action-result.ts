/**
 * What every server action returns: data, or errors keyed by form field (shown at the field)
 * plus an optional form-level message. Actions never throw for user mistakes. Pure, so client
 * forms can import it.
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
