"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { lazySchema } from "@/components/form/form-schema";
import { MAX_ADDRESS, MAX_HOURS, MAX_OFFICE_NAME } from "@/lib/help/schemas/finance-contact-limits";
import type { FinanceContactValues } from "@/lib/help/schemas/finance-contact";
import { saveFinanceContactAction } from "../actions";

// The rules (zod, the phone numbering plan) come after the page: components/form/form-schema.ts.
const SCHEMA = lazySchema(() =>
  import("@/lib/help/schemas/finance-contact").then((m) => m.financeContactSchema),
);

/** One office's contact as the 帮助 page shows it: name, phone, address and office hours. */
export function ContactForm({ initial }: { initial: FinanceContactValues }) {
  const router = useRouter();
  const form = useForm<FinanceContactValues>(SCHEMA, initial);
  const { pending, onSubmit } = useFormSubmit(form, saveFinanceContactAction, () => {
    router.push(`/console/contacts?saved=${initial.regionCode}`);
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} className="max-w-xl space-y-4">
      <TextField
        form={form}
        name="officeName"
        label="单位名称"
        maxLength={MAX_OFFICE_NAME + 10}
        hint="如：广州市财政局会计科"
      />
      <TextField
        form={form}
        name="phone"
        label="联系电话"
        type="tel"
        autoComplete="off"
        hint="固定电话请带区号，如：020-83170000"
      />
      <TextField form={form} name="address" label="办公地址" maxLength={MAX_ADDRESS + 10} />
      <TextField
        form={form}
        name="hours"
        label="办公时间"
        required={false}
        maxLength={MAX_HOURS + 10}
        hint="选填，如：工作日 9:00—12:00，14:00—17:30"
      />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存"}
      </Button>
    </form>
  );
}
