"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type * as z from "zod/mini";
import { lazySchema } from "@/components/form/form-schema";
import { type NestedForm, useNestedForm } from "@/components/form/use-nested-form";
import { requestLogin } from "@/components/session/session-events";
import { isSessionEnded } from "@/lib/auth/session-ended";
import type { CollectionContext } from "@/lib/collection/rules";
import { type DataStepId, nextStep, previousStep } from "@/lib/collection/steps";
import { saveCollectionStepAction } from "./actions";
import { rememberRevision, useFreshDraft } from "./fresh-draft";
import { withPageOwner } from "@/components/session/session-events";

export const SAVE_NETWORK_FAILURE = "网络异常，保存未完成，请重试（已填写的内容仍保留在本页）";

/**
 * The wizard's three buttons for one data step: 下一步 validates (here, then on the server with
 * the same schema) and goes on; 保存草稿 stores the input as typed; 上一步 stores it too, then goes
 * back. Nothing typed is dropped when a save fails: the form keeps it (and sessionStorage).
 */
export function useWizardStep(
  step: DataStepId,
  form: NestedForm,
  initialRevision: number,
  revisionKey: string,
) {
  const router = useRouter();
  useFreshDraft(revisionKey, initialRevision);
  const [revision, setRevision] = useState(initialRevision);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  /** A save refused as stale, waiting for the person to keep this page's input or load the newer. */
  const [conflict, setConflict] = useState<{
    mode: "next" | "draft";
    then: (resumeAt?: string) => void;
  } | null>(null);
  const [pending, startTransition] = useTransition();

  function save(
    mode: "next" | "draft",
    then: (resumeAt?: string) => void,
    over: number | "latest" = revision,
  ) {
    startTransition(async () => {
      // A lost connection rejects the call: say so above the form, which keeps every value.
      const r = await saveCollectionStepAction(
        withPageOwner({ step, data: form.values, revision: over, mode }),
      ).catch(() => null);
      if (r === null) {
        form.setFormError(SAVE_NETWORK_FAILURE);
        return;
      }
      if (!r.ok) {
        // the form moves focus to the first field it marks invalid (components/form/focus-invalid.ts)
        form.setServerErrors(r.fieldErrors, r.code === "stale" ? undefined : r.formError);
        if (isSessionEnded(r.formError)) {
          // Logged in again in place (the page as it was): the save the person asked for goes on.
          void requestLogin().then((again) => {
            if (!again) return;
            form.setFormError(undefined);
            save(mode, then, over);
          });
          return;
        }
        if (r.code === "stale") setConflict({ mode, then });
        return;
      }
      setConflict(null);
      rememberRevision(revisionKey, r.data.revision);
      setRevision(r.data.revision);
      form.markSaved(r.data.revision);
      then(r.data.resumeAt);
    });
  }

  return {
    pending,
    savedAt,
    conflict: conflict !== null,
    /** After a stale refusal: save this page's input over the newer draft (this step only). */
    keepMine() {
      if (conflict) save(conflict.mode, conflict.then, "latest");
    },
    /** After a stale refusal: drop this page's input and show what is saved now. */
    loadSaved() {
      form.resolveRestore(false);
      form.markSaved(revision);
      window.location.reload();
    },
    next() {
      // Onward to the first step still to do: the next one, or — when the later steps are
      // complete already (a 修改 from 确认信息) — straight back to 确认信息.
      form.whenValid(() =>
        save("next", (resumeAt) =>
          router.push(`/account/collection/${resumeAt ?? nextStep(step)}`),
        ),
      );
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

/** What the server page hands every data step's form. */
export interface StepFormProps {
  /** The step's saved input ({} before the first save). */
  initial: Record<string, unknown>;
  revision: number;
  /** Per person: unsaved input never shows to the next person using this browser tab. */
  storageKey: string;
  /** Per person: where this tab remembers the draft revision its last save stored (fresh-draft.ts). */
  revisionKey: string;
  context: CollectionContext;
}

/**
 * Fetches a step's schema builder: `() => import("@/lib/collection/schemas/x").then((m) =>
 * m.xSchema)`, so zod is not part of the step's first load (components/form/form-schema.ts).
 */
export type StepSchemaLoader = () => Promise<(context: CollectionContext) => z.ZodMiniType>;

/** A data step's form state, built from the step's own schema for this person, and its buttons. */
export function useStepForm(
  step: DataStepId,
  loadSchema: StepSchemaLoader,
  { initial, revision, storageKey, revisionKey, context }: StepFormProps,
) {
  const schema = useMemo(
    () => lazySchema(() => loadSchema().then((make) => make(context))),
    [loadSchema, context],
  );
  const form = useNestedForm(schema, initial, { storageKey, revision });
  const wizard = useWizardStep(step, form, revision, revisionKey);
  return { form, wizard };
}
