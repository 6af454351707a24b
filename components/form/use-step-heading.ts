"use client";

import { useEffect, useRef } from "react";

/**
 * The heading of a multi-step form's current step. When the step changes (not on the page's
 * first render) it takes focus: the button that moved on is gone, and focus must not fall back
 * to <body> — a screen reader then says where the person is, and Tab continues from there.
 * Give the heading `tabIndex={-1}`.
 */
export function useStepHeading<T>(step: T) {
  const ref = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    ref.current?.focus();
  }, [step]);
  return ref;
}
