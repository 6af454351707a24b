"use client";

import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { useTranslations } from "next-intl";
import type { Preview } from "./preview";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { useSourceText } from "@/components/i18n/use-source-text";
import { IdentityFields } from "@/components/identity/identity-fields";
import { CountyPicker } from "@/components/transfer/county-picker";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";
import type { TransferInVerifyValues } from "@/lib/transfer/schemas/in-application";
import { sendTransferInCode, verifyTransferInAction } from "./actions";

const SCHEMA = lazySchema(() =>
  import("@/lib/transfer/schemas/in-application").then((m) => m.transferInVerifySchema),
);

// 第二步 (the password rules and their checklist) loads when 第一步 has succeeded.
const loadConfirm = () => import("./confirm-step");
const ConfirmStep = lazy(() => loadConfirm().then((m) => ({ default: m.ConfirmStep })));
const DoneStep = lazy(() => loadConfirm().then((m) => ({ default: m.DoneStep })));

const EMPTY: TransferInVerifyValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
  regionCode: "",
};

export function TransferInWizard({
  documentTypes,
  regions,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  regions: JurisdictionRegions;
}) {
  const t = useTranslations("TransferIn");
  const [preview, setPreview] = useState<(Preview & { idNumber: string; phone: string }) | null>(
    null,
  );
  const [done, setDone] = useState<{ accountCreated: boolean } | null>(null);
  // The step is named in each step's heading (第一步（共三步）…): the manual's three steps, without
  // the progress bar's script on this public page's first load.
  const step = done ? 2 : preview ? 1 : 0;
  return (
    <div className="space-y-6">
      {step === 0 && (
        <VerifyStep
          documentTypes={documentTypes}
          regions={regions}
          onVerified={(p, facts) => setPreview({ ...p, ...facts })}
        />
      )}
      <Suspense fallback={<p className="text-sm text-muted-foreground">{t("loading")}</p>}>
        {step === 1 && preview && (
          <ConfirmStep preview={preview} onBack={() => setPreview(null)} onDone={setDone} />
        )}
        {step === 2 && done && <DoneStep accountCreated={done.accountCreated} />}
      </Suspense>
    </div>
  );
}

function VerifyStep({
  documentTypes,
  regions,
  onVerified,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  regions: JurisdictionRegions;
  onVerified: (preview: Preview, facts: { idNumber: string; phone: string }) => void;
}) {
  const t = useTranslations("TransferIn");
  const sourceText = useSourceText();
  const form = useForm(SCHEMA, EMPTY, {
    storageKey: "kuaiji.transfer-in",
    persist: ["name", "idType", "phone", "regionCode"],
  });
  const { values, errors } = form;
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const { pending, onSubmit } = useFormSubmit(
    form,
    (v) => {
      setRefusal(null);
      return verifyTransferInAction(v);
    },
    (p) => onVerified(p, { idNumber: values.idNumber, phone: values.phone }),
    (r) => {
      // Told as a whole with the way forward, not as a field problem.
      if ((r.code === "here" || r.code === "open") && r.formError) {
        setRefusal({ code: r.code, message: r.formError });
        return true;
      }
      return false;
    },
  );
  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <h2 className="text-lg font-medium">{t("verifyHeading")}</h2>
          <IdentityFields form={form} documentTypes={documentTypes} nameHint={t("nameHint")} />
          <SmsCodeFields
            form={form}
            phone={{ field: "phone", label: t("phone"), hint: t("phoneHint") }}
            codeField="smsCode"
            send={(captcha) => sendTransferInCode({ phone: values.phone, ...captcha })}
          />
          <CountyPicker
            id="regionCode"
            label={t("region")}
            hint={t("regionHint")}
            regions={regions}
            value={values.regionCode}
            onChange={(code) => form.setValue("regionCode", code)}
            error={errors.regionCode}
          />
          {refusal && (
            <Alert variant={refusal.code === "here" ? "default" : "destructive"} role="alert">
              <AlertTitle>{t("refusalTitle", { code: refusal.code })}</AlertTitle>
              <AlertDescription>
                {sourceText(refusal.message)}
                <Link className="ml-1 underline" href="/login">
                  {t("goLogin")}
                </Link>
              </AlertDescription>
            </Alert>
          )}
          <FormError message={form.formError} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("verifying") : t("next")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
