"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { SmsCodeFields } from "@/components/auth/sms-code-fields";
import { FormError } from "@/components/form/form-error";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { IdentityFields } from "@/components/identity/identity-fields";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { sendAppealCode, startAppealAction } from "./actions";
import type { StartAppealValues } from "./appeal.validation";
import type { Draft } from "./appeal-wizard";

const SCHEMA = lazySchema(() => import("./appeal.validation").then((m) => m.startAppealSchema));

const EMPTY: StartAppealValues = {
  name: "",
  idType: "RESIDENT_ID",
  idNumber: "",
  phone: "",
  smsCode: "",
};

/** 第一步: who appeals and the phone the account should move to, proven by its code. */
export function AppealForm({
  documentTypes,
  onStarted,
}: {
  documentTypes: readonly { value: DocumentTypeCode; label: string }[];
  onStarted: (draft: Draft) => void;
}) {
  const t = useTranslations("Appeal");
  const form = useForm(SCHEMA, EMPTY, {
    storageKey: "kuaiji.appeal",
    persist: ["name", "idType", "phone"],
  });
  const { values } = form;
  const { pending, onSubmit } = useFormSubmit(form, startAppealAction, (draft) => {
    form.clearStorage();
    onStarted(draft);
  });
  return (
    <Card>
      <CardContent className="pt-6">
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <IdentityFields form={form} documentTypes={documentTypes} nameHint={t("nameHint")} />
          <SmsCodeFields
            form={form}
            phone={{ field: "phone", label: t("phone"), hint: t("phoneHint") }}
            codeField="smsCode"
            send={(captcha) => sendAppealCode({ phone: values.phone, ...captcha })}
          />
          <FormError message={form.formError} />
          <Button type="submit" disabled={pending}>
            {pending ? t("verifying") : t("next")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
