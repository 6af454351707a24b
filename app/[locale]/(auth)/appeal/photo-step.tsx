"use client";

import { useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { APPEAL_PHOTO_KINDS, type AppealPhotoKind } from "@/lib/appeal/appeal-rules";
import { submitAppealAction } from "./actions";
import type { Draft } from "./appeal-wizard";
import { PhotoField } from "./photo-field";

const HINTS: Record<AppealPhotoKind, string> = {
  "id-front": "证件有照片的一面，四角完整、文字清晰。",
  "id-back": "证件的另一面（如有）；单页证件请再拍一张证件正面。",
  holding: "本人手持证件正面，面部和证件文字均清晰可见。",
};

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
            label={e.label}
            hint={HINTS[e.code]}
            error={errors[e.code] || undefined}
            onUploaded={() => {
              setDone((d) => ({ ...d, [e.code]: true }));
              setErrors((x) => ({ ...x, [e.code]: "" }));
            }}
          />
        ))}
        <FormError message={formError} />
        <Button
          type="button"
          disabled={pending || APPEAL_PHOTO_KINDS.codes.some((k) => !done[k])}
          onClick={submit}
        >
          {pending ? "正在提交…" : "提交申诉"}
        </Button>
      </CardContent>
    </Card>
  );
}
