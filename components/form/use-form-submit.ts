"use client";

import { useTransition } from "react";
import { withPageOwner } from "@/components/session/session-events";
import type { ActionResult } from "@/lib/http/action-result";
import type { FormApi, FormValues } from "./use-form";

/**
 * Submit for our forms: validate everything with the shared schema, call the server action,
 * then either `onSuccess` or show the server's errors at their fields (`onFailure` may handle
 * a failure itself by returning true). Nothing typed is cleared on failure.
 */
export function useFormSubmit<V extends FormValues, T>(
  form: FormApi<V>,
  action: (values: V) => Promise<ActionResult<T>>,
  onSuccess: (data: T) => void,
  onFailure?: (result: Extract<ActionResult<T>, { ok: false }>) => boolean | void,
) {
  const [pending, startTransition] = useTransition();
  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    form.whenValid(() =>
      startTransition(async () => {
        const r = await action(withPageOwner(form.values));
        if (r.ok) onSuccess(r.data);
        else if (onFailure?.(r) !== true) form.setServerErrors(r.fieldErrors, r.formError);
      }),
    );
  }
  return { pending, onSubmit };
}
