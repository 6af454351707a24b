"use client";

import type { FormApi, FormValues } from "@/components/form/use-form";
import { TextField } from "@/components/form/text-field";
import type { PasswordContext } from "@/lib/account/password-policy";
import { PasswordChecklist } from "./password-checklist";

/** 设置密码 + 确认密码, with the password rules shown live under the first. */
export function NewPasswordFields<V extends FormValues>({
  form,
  passwordField,
  confirmField,
  labels,
  context,
}: {
  form: FormApi<V>;
  passwordField: keyof V & string;
  confirmField: keyof V & string;
  labels: { password: string; confirm: string };
  context: PasswordContext;
}) {
  return (
    <>
      <TextField
        form={form}
        name={passwordField}
        label={labels.password}
        password
        autoComplete="new-password"
      >
        <PasswordChecklist password={form.values[passwordField] ?? ""} context={context} />
      </TextField>
      <TextField
        form={form}
        name={confirmField}
        label={labels.confirm}
        password
        autoComplete="new-password"
      />
    </>
  );
}
