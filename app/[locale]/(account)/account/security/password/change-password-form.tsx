"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { lazySchema } from "@/components/form/form-schema";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import type { PasswordContext } from "@/lib/account/password-policy";
import { changePasswordAction } from "./actions";

const SCHEMA = lazySchema(() =>
  import("./change-password.validation").then((m) => m.changePasswordSchema),
);

export function ChangePasswordForm({ context }: { context: PasswordContext }) {
  const t = useTranslations("AccountSecurity");
  const router = useRouter();
  const form = useForm(SCHEMA, {
    currentPassword: "",
    newPassword: "",
    confirmPassword: "",
  });
  const { pending, onSubmit } = useFormSubmit(form, changePasswordAction, () => {
    router.push("/account/security?done=password");
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <TextField
        form={form}
        name="currentPassword"
        label={t("currentPassword")}
        password
        autoComplete="current-password"
      />
      <NewPasswordFields
        form={form}
        passwordField="newPassword"
        confirmField="confirmPassword"
        labels={{ password: t("newPassword"), confirm: t("confirmNewPassword") }}
        context={context}
      />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("confirmPasswordChange")}
      </Button>
    </form>
  );
}
