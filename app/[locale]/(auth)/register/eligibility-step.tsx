"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Label } from "@/components/ui/label";
import { FormError } from "@/components/form/form-error";
import { useRefusals } from "@/components/form/focus-invalid";
import { type Answer, eligibility, needsCollection } from "./eligibility";

/** 第二步：选择信息采集对象 — two questions; "neither" ends here (无须进行信息采集). */
export function EligibilityStep({
  jurisdictionLabel,
  onEligible,
}: {
  jurisdictionLabel: string;
  onEligible: () => void;
}) {
  const t = useTranslations("Register");
  const [works, setWorks] = useState<Answer | "">("");
  const [holds, setHolds] = useState<Answer | "">("");
  const [checked, setChecked] = useState(false);
  const [notNeeded, setNotNeeded] = useState(false);
  const { attempt, bindForm, refuse } = useRefusals();
  const unanswered = checked ? [works, holds].filter((a) => !a).length : 0;

  function next(e: React.FormEvent) {
    e.preventDefault();
    const answers = eligibility(works, holds);
    setChecked(true);
    if (!answers) {
      refuse();
      return;
    }
    if (needsCollection(answers)) onEligible();
    else setNotNeeded(true);
  }

  return (
    <Card>
      <CardContent className="pt-6">
        <form ref={bindForm} noValidate onSubmit={next} className="space-y-6">
          <p className="text-sm text-muted-foreground">{t("choose")}</p>
          <Question
            id="works"
            label={t("worksQuestion", { label: jurisdictionLabel })}
            value={works}
            missing={checked && !works}
            onChange={(v) => {
              setWorks(v);
              setNotNeeded(false);
            }}
          />
          <Question
            id="holds"
            label={t("holdsQuestion")}
            value={holds}
            missing={checked && !holds}
            onChange={(v) => {
              setHolds(v);
              setNotNeeded(false);
            }}
          />
          <FormError form={{ attempt, invalidCount: unanswered }} />
          {notNeeded ? (
            <Alert role="status">
              <AlertTitle>{t("notNeededTitle")}</AlertTitle>
              <AlertDescription>
                {t("notNeededText", { label: jurisdictionLabel })}
                <Link href="/" className="ml-1 text-primary underline">
                  {t("backHome")}
                </Link>
              </AlertDescription>
            </Alert>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit">{t("next")}</Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function Question({
  id,
  label,
  value,
  missing,
  onChange,
}: {
  id: string;
  label: string;
  value: Answer | "";
  /** Left unanswered at 下一步. */
  missing: boolean;
  onChange: (v: Answer) => void;
}) {
  const t = useTranslations("Register");
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">{label}</legend>
      <RadioGroup
        value={value}
        onValueChange={(v) => onChange(v as Answer)}
        className="flex gap-6"
        aria-label={label}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
      >
        {(["yes", "no"] as const).map((v) => (
          <div key={v} className="flex items-center gap-2">
            <RadioGroupItem value={v} id={`${id}-${v}`} />
            <Label htmlFor={`${id}-${v}`}>{t(v === "yes" ? "yes" : "no")}</Label>
          </div>
        ))}
      </RadioGroup>
      {missing && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {t("chooseYesNo")}
        </p>
      )}
    </fieldset>
  );
}
