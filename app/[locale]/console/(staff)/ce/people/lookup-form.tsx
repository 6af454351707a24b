"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { lookupPersonAction } from "./actions";
import { lookupSchema } from "./lookup.validation";

/** 证件号码 → the person's 继续教育 page (by id; the number stays out of the address bar). */
export function LookupForm() {
  const router = useRouter();
  const form = useForm(lookupSchema, { idNumber: "" });
  const { pending, onSubmit } = useFormSubmit(form, lookupPersonAction, ({ personId }) =>
    router.push(`/console/ce/people/${personId}`),
  );
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-start"
    >
      <div className="min-w-0 flex-1">
        <TextField form={form} name="idNumber" label="证件号码" preset="id-number" />
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-7">
        {pending ? "正在查找…" : "查找"}
      </Button>
      <FormError message={form.formError} />
    </form>
  );
}
