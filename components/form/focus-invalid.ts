"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { FORM_ERROR_KEY } from "@/lib/http/action-result";

const TABBABLE = [
  "input:not([type=hidden]):not([tabindex='-1']):not(:disabled)",
  "select:not(:disabled)",
  "textarea:not(:disabled)",
  "button:not(:disabled)",
  "a[href]",
  "[tabindex]:not([tabindex='-1'])",
].join(",");

/**
 * Where a keyboard would land on an invalid field: the control itself when it is one, else the
 * field's first control that takes Tab — a radio group's checked (or first) radio, the 上传
 * button of a photo whose file input is hidden — so focus never lands on something unseen.
 */
export function focusTarget(invalid: HTMLElement): HTMLElement | null {
  if (invalid.matches(TABBABLE)) return invalid;
  const field = invalid.closest<HTMLElement>("[data-slot=form-field]") ?? invalid;
  return (
    field.querySelector<HTMLElement>("input[type=radio]:checked:not(:disabled)") ??
    field.querySelector<HTMLElement>(TABBABLE)
  );
}

/** Focuses the first field marked invalid in `scope` and brings it to the middle of the screen. */
export function focusFirstInvalid(scope: ParentNode = document): boolean {
  for (const invalid of scope.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    const target = focusTarget(invalid);
    if (!target) continue;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    return true;
  }
  return false;
}

/** Fields with a message, the whole form's (FORM_ERROR_KEY) apart. */
export function fieldCount(errors: Record<string, string | undefined>): number {
  return Object.entries(errors).filter(([k, m]) => k !== FORM_ERROR_KEY && m).length;
}

/**
 * A form's refusals: each one (`refuse()`) moves focus to the first invalid field of the form
 * once the errors are on the page, and counts up `attempt`, which re-announces InvalidSummary.
 * Attach `bindForm` to the <form> so only its own fields are searched (a dialog's form must not
 * send focus to the page behind it); without it the whole page is.
 */
export function useRefusals() {
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement | null>(null);
  const handled = useRef(0);
  useEffect(() => {
    if (attempt === handled.current) return;
    handled.current = attempt;
    focusFirstInvalid(form.current ?? document);
  }, [attempt]);
  const refuse = useCallback(() => setAttempt((a) => a + 1), []);
  // A callback, not a ref object: the form object carrying it is read during render.
  const bindForm = useCallback((el: HTMLFormElement | null) => {
    form.current = el;
  }, []);
  return { attempt, bindForm, refuse };
}
