"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useSourceText } from "@/components/i18n/use-source-text";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { APPEAL_PHOTO_KINDS, type AppealPhotoKind } from "@/lib/appeal/appeal-rules";
import { submitAppealAction } from "./actions";
import type { Draft } from "./appeal-wizard";
import { PhotoField } from "./photo-field";

const HINTS = {
  "id-front": "hintIdFront",
  "id-back": "hintIdBack",
  holding: "hintHolding",
} as const satisfies Record<AppealPhotoKind, string>;

/** 第二步: the three photos, each sent as soon as it is chosen, then 提交. */
export function PhotoStep({
  draft,
  onSubmitted,
  onExpired,
}: {
  draft: Draft;
  onSubmitted: (appealNumber: string) => void;
  onExpired: () => void;
}) {
  const t = useTranslations("Appeal");
  const sourceText = useSourceText();
  const [done, setDone] = useState<Partial<Record<AppealPhotoKind, boolean>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();

  function submit() {
    setFormError(undefined);
    start(async () => {
      const r = await submitAppealAction(draft);
      if (r.ok) return onSubmitted(r.data.appealNumber);
      setErrors(r.fieldErrors);
      setFormError(r.formError);
      if (r.code === "expired") window.setTimeout(onExpired, 3000);
    });
  }

  return (
    <Card>
      <CardContent className="space-y-5 pt-6">
        {APPEAL_PHOTO_KINDS.entries.map((e) => (
          <PhotoField
            key={e.code}
            draft={draft}
            kind={e.code}
            label={sourceText(e.label)}
            hint={t(HINTS[e.code])}
            error={errors[e.code] ? sourceText(errors[e.code]!) : undefined}
            onUploaded={() => {
              setDone((d) => ({ ...d, [e.code]: true }));
              setErrors((x) => ({ ...x, [e.code]: "" }));
            }}
          />
        ))}
        <FormError message={formError && sourceText(formError)} />
        <Button
          type="button"
          disabled={pending || APPEAL_PHOTO_KINDS.codes.some((k) => !done[k])}
          onClick={submit}
        >
          {pending ? t("submitting") : t("submit")}
        </Button>
      </CardContent>
    </Card>
  );
}
