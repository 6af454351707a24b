"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Steps } from "@/components/ui/steps";
import { useStepHeading } from "@/components/form/use-step-heading";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { EligibilityStep } from "./eligibility-step";

// The manual's registration: 信息采集对象 → 填写注册信息 → 注册.
const STEPS = ["stepEligibility", "stepForm", "stepDone"] as const;

function Loading() {
  const t = useTranslations("Register");
  return (
    <Card>
      <CardContent className="pt-6 text-muted-foreground">{t("loading")}</CardContent>
    </Card>
  );
}

// The form of the second step brings the registration rules (zod, ID numbers, phones): it is not
// part of the page's first load, but fetched while the visitor reads the first step.
const loadRegistrationForm = () => import("./registration-form");
const RegistrationForm = dynamic(() => loadRegistrationForm().then((m) => m.RegistrationForm), {
  loading: () => <Loading />,
});

export function RegisterWizard({
  jurisdictionLabel,
  documentTypes,
}: {
  jurisdictionLabel: string;
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
}) {
  const t = useTranslations("Register");
  const steps = STEPS.map((s) => t(s));
  const [step, setStep] = useState(0);
  const heading = useStepHeading(step);
  useEffect(() => {
    loadRegistrationForm().catch(() => {
      // fetched again when the form is shown
    });
  }, []);
  return (
    <div className="space-y-6">
      <Steps steps={steps} current={step} />
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {steps[step]}
      </h2>
      {step === 0 && (
        <EligibilityStep jurisdictionLabel={jurisdictionLabel} onEligible={() => setStep(1)} />
      )}
      {step === 1 && (
        <RegistrationForm
          documentTypes={documentTypes}
          onBack={() => setStep(0)}
          onDone={() => setStep(2)}
        />
      )}
      {step === 2 && (
        <Alert variant="success">
          <AlertTitle>{t("doneTitle")}</AlertTitle>
          <AlertDescription>
            <p className="mb-3">{t("doneText")}</p>
            <Button asChild>
              <Link href="/login">{t("goLogin")}</Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
