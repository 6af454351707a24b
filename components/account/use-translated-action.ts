"use client";

import { useSourceText } from "@/components/i18n/use-source-text";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * An action whose refusal is shown as it comes (ConfirmActionButton's message beside its
 * button): its messages — the domain's Chinese — in the reader's language, as the form hooks do.
 */
export function useTranslatedAction<T>(
  run: () => Promise<ActionResult<T>>,
): () => Promise<ActionResult<T>> {
  const sourceText = useSourceText();
  return async () => {
    const r = await run();
    if (r.ok) return r;
    return {
      ...r,
      fieldErrors: Object.fromEntries(
        Object.entries(r.fieldErrors).map(([k, m]) => [k, sourceText(m)]),
      ),
      formError: r.formError === undefined ? undefined : sourceText(r.formError),
    };
  };
}
