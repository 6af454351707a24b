"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useSourceText } from "@/components/i18n/use-source-text";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  NETWORK_FAILURE_MESSAGE,
  precheckImage,
  readHead,
  TOO_LARGE_MESSAGE,
  UNEXPECTED_ANSWER_MESSAGE,
} from "@/components/collection/upload-attachment";
import { APPEAL_TOKEN_HEADER, type AppealPhotoKind } from "@/lib/appeal/appeal-rules";
import type { Draft } from "./appeal-wizard";

/** One photo of the appeal: checked in the browser, sent to POST /api/appeal-photos with the secret. */
export function PhotoField({
  draft,
  kind,
  label,
  hint,
  error,
  onUploaded,
}: {
  draft: Draft;
  kind: AppealPhotoKind;
  label: string;
  hint: string;
  error?: string;
  onUploaded: () => void;
}) {
  const t = useTranslations("Appeal");
  const sourceText = useSourceText();
  const id = useId();
  const [state, setState] = useState<"idle" | "sending" | "done">("idle");
  const [problem, setProblem] = useState<string>();

  async function send(file: File) {
    setProblem(undefined);
    const refused = precheckImage(await readHead(file), file.size);
    if (refused) return setProblem(refused);
    setState("sending");
    try {
      const res = await fetch(
        `/api/appeal-photos?appeal=${encodeURIComponent(draft.appealId)}&kind=${kind}`,
        { method: "POST", headers: { [APPEAL_TOKEN_HEADER]: draft.token }, body: file },
      );
      const body = (await res.json().catch(() => null)) as {
        ok?: unknown;
        message?: unknown;
      } | null;
      if (res.ok && body?.ok === true) {
        setState("done");
        return onUploaded();
      }
      setState("idle");
      setProblem(
        typeof body?.message === "string" && body.message
          ? body.message
          : res.status === 413
            ? TOO_LARGE_MESSAGE
            : UNEXPECTED_ANSWER_MESSAGE,
      );
    } catch {
      setState("idle");
      setProblem(NETWORK_FAILURE_MESSAGE);
    }
  }

  // The browser's checks and the route write Chinese, as the domain does; said in the reader's.
  const shown = problem === undefined ? error : sourceText(problem);
  return (
    <FormField
      id={id}
      label={label}
      required
      error={shown}
      hint={state === "sending" ? t("uploading") : state === "done" ? t("uploaded") : hint}
    >
      <Input
        {...fieldAria(id, shown, { hint: true })}
        name={kind}
        type="file"
        accept="image/jpeg,image/png"
        disabled={state === "sending"}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void send(file);
        }}
      />
    </FormField>
  );
}
