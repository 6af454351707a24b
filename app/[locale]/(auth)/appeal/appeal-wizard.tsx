"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Steps } from "@/components/ui/steps";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { AppealForm } from "./appeal-form";
import { PhotoStep } from "./photo-step";

// 账号申诉: 验证身份 (姓名, 证件, the new phone and its code) → 上传照片 → 提交 → 申诉编号. The
// draft's secret lives in this component's state only: a reload starts again at 第一步.
const STEPS = ["stepForm", "stepPhotos", "stepDone"] as const;

export interface Draft {
  appealId: string;
  token: string;
}

export function AppealWizard({
  documentTypes,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
}) {
  const t = useTranslations("Appeal");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [appealNumber, setAppealNumber] = useState<string | null>(null);
  const step = appealNumber ? 2 : draft ? 1 : 0;
  return (
    <div className="space-y-6">
      <Steps steps={STEPS.map((s) => t(s))} current={step} />
      {step === 0 && <AppealForm documentTypes={documentTypes} onStarted={setDraft} />}
      {step === 1 && draft && (
        <PhotoStep draft={draft} onSubmitted={setAppealNumber} onExpired={() => setDraft(null)} />
      )}
      {step === 2 && (
        <Alert variant="success">
          <AlertTitle>{t("doneTitle")}</AlertTitle>
          <AlertDescription>
            <p className="mb-3">
              {t.rich("doneText", {
                appealNumber: appealNumber ?? "",
                number: (n) => <strong data-testid="appeal-number">{n}</strong>,
              })}
            </p>
            <Button asChild variant="outline">
              <Link href="/appeal/status">{t("statusLink")}</Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
