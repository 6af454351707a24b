"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Steps } from "@/components/ui/steps";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { EligibilityStep } from "./eligibility-step";
import { RegistrationForm } from "./registration-form";

// The manual's registration: 信息采集对象 → 填写注册信息 → 注册.
const STEPS = ["信息采集对象", "填写注册信息", "注册完成"];

export function RegisterWizard({
  jurisdictionLabel,
  documentTypes,
}: {
  jurisdictionLabel: string;
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
}) {
  const [step, setStep] = useState(0);
  return (
    <div className="space-y-6">
      <Steps steps={STEPS} current={step} />
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
          <AlertTitle>注册成功</AlertTitle>
          <AlertDescription>
            <p className="mb-3">请使用证件号码和刚才设置的密码登录，然后进行信息采集。</p>
            <Button asChild>
              <Link href="/login">去登录</Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
