"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { NestedForm } from "@/components/form/use-nested-form";
import { type DataStepId, nextStep, previousStep } from "@/lib/collection/steps";
import { saveCollectionStepAction } from "./actions";

/** Moves focus to the first field the form marked invalid, so a phone user sees why. */
function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: "center" });
  });
}

/**
 * The wizard's three buttons for one data step: 下一步 validates (here, then on the server with
 * the same schema) and goes on; 保存草稿 stores the input as typed; 上一步 stores it too, then goes
 * back. Nothing typed is dropped when a save fails: the form keeps it (and sessionStorage).
 */
export function useWizardStep(step: DataStepId, form: NestedForm, initialRevision: number) {
  const router = useRouter();
  const [revision, setRevision] = useState(initialRevision);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [pending, startTransition] = useTransition();

  function save(mode: "next" | "draft", then: () => void) {
    startTransition(async () => {
      const r = await saveCollectionStepAction({ step, data: form.values, revision, mode });
      if (!r.ok) {
        form.setServerErrors(r.fieldErrors, r.formError);
        focusFirstError();
        return;
      }
      setRevision(r.data.revision);
      form.markSaved();
      then();
    });
  }

  return {
    pending,
    savedAt,
    next() {
      if (!form.validateAll()) {
        focusFirstError();
        return;
      }
      save("next", () => router.push(`/account/collection/${nextStep(step)}`));
    },
    saveDraft() {
      form.setFormError(undefined);
      save("draft", () => setSavedAt(new Date()));
    },
    back() {
      const to = previousStep(step);
      if (!to) return;
      save("draft", () => router.push(`/account/collection/${to}`));
    },
    hasPrevious: previousStep(step) !== undefined,
  };
}
