"use client";

import { useRouter } from "next/navigation";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormError } from "@/components/form/form-error";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { initialPasswordSchema } from "@/lib/staff/schemas/sign-in";
import { signInStepPath } from "@/lib/staff/sign-in-steps";
import { useExpiredSignIn } from "../use-sign-in-step";
import { initialPasswordAction } from "./actions";

export function InitialPasswordForm({ next }: { next: string }) {
  const router = useRouter();
  const form = useForm(initialPasswordSchema, { newPassword: "", confirmPassword: "" });
  const { pending, onSubmit } = useFormSubmit(
    form,
    initialPasswordAction,
    (data) => router.replace(signInStepPath(data.step, next)),
    useExpiredSignIn(next),
  );
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <NewPasswordFields
        form={form}
        passwordField="newPassword"
        confirmField="confirmPassword"
        labels={{ password: "新密码", confirm: "确认新密码" }}
        context={{}}
      />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在保存…" : "保存新密码"}
      </Button>
    </form>
  );
}
