"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { PasswordChecklist } from "@/components/auth/password-checklist";
import { useForm } from "@/components/form/use-form";
import type { PasswordContext } from "@/lib/account/password-policy";
import { changePasswordAction } from "./actions";
import { changePasswordSchema } from "./change-password.validation";

export function ChangePasswordForm({ context }: { context: PasswordContext }) {
  const router = useRouter();
  const form = useForm(changePasswordSchema, {
    currentPassword: "",
    newPassword: "",
    confirmPassword: "",
  });
  const { values, errors, setValue, blur } = form;
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    startTransition(async () => {
      const r = await changePasswordAction(values);
      if (r.ok) {
        router.push("/account/security?done=password");
        router.refresh();
      } else form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-5">
      <FormField id="currentPassword" label="当前密码" required error={errors.currentPassword}>
        <PasswordInput
          {...fieldAria("currentPassword", errors.currentPassword)}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(e) => setValue("currentPassword", e.target.value)}
        />
      </FormField>
      <FormField id="newPassword" label="新密码" required error={errors.newPassword}>
        <PasswordInput
          {...fieldAria("newPassword", errors.newPassword)}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(e) => setValue("newPassword", e.target.value)}
          onBlur={() => blur("newPassword")}
        />
        <PasswordChecklist password={values.newPassword} context={context} />
      </FormField>
      <FormField id="confirmPassword" label="确认新密码" required error={errors.confirmPassword}>
        <PasswordInput
          {...fieldAria("confirmPassword", errors.confirmPassword)}
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={(e) => setValue("confirmPassword", e.target.value)}
          onBlur={() => blur("confirmPassword")}
        />
      </FormField>
      {errors._form && (
        <Alert variant="destructive">
          <AlertDescription>{errors._form}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "确认修改"}
      </Button>
    </form>
  );
}
