"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { lazySchema } from "@/components/form/form-schema";
import { saveHolidayAction } from "./actions";

type Values = { date: string; kind: string; name: string };
const EMPTY: Values = { date: "", kind: "", name: "" };

// The rules (and zod) come after the page (form-schema.ts); the page passes the kinds and the
// name's limit from the same module, so the form itself imports none of it.
const SCHEMA = lazySchema(() =>
  import("@/lib/workdays/schemas/holiday-day").then((m) => m.holidayDaySchema),
);

/**
 * 添加或修改一天: the date, 放假 or 调休上班, and the festival; a date already listed is changed.
 * A saved day opens its year with the day confirmed above the table, and the form clears for
 * the next one; a refused one keeps everything typed.
 */
export function HolidayForm({
  initial,
  kinds,
  maxName,
}: {
  initial?: Values;
  kinds: readonly { value: string; label: string }[];
  maxName: number;
}) {
  const router = useRouter();
  const form = useForm<Values>(SCHEMA, initial ?? EMPTY);
  const { pending, onSubmit } = useFormSubmit(form, saveHolidayAction, ({ year }) => {
    const { date } = form.values;
    for (const key of Object.keys(EMPTY) as (keyof Values)[]) form.setValue(key, "");
    router.push(`/console/holidays?year=${year}&saved=${date}`);
  });
  const kindError = form.errors.kind;
  return (
    <form noValidate onSubmit={onSubmit} className="max-w-xl space-y-4">
      <TextField form={form} name="date" label="日期" type="date" className="max-w-48" />
      <FormField id="kind" label="类型" required error={kindError} group>
        <RadioGroup
          {...fieldAria("kind", kindError, { group: true })}
          value={form.values.kind}
          onValueChange={(v) => form.setValue("kind", v)}
          className="flex flex-wrap gap-x-6 gap-y-2"
        >
          {kinds.map((o) => (
            <div key={o.value} className="flex items-center gap-2">
              <RadioGroupItem value={o.value} id={`kind-${o.value}`} />
              <Label htmlFor={`kind-${o.value}`}>{o.label}</Label>
            </div>
          ))}
        </RadioGroup>
      </FormField>
      <TextField
        form={form}
        name="name"
        label="节日名称"
        maxLength={maxName + 10}
        hint="调休上班日填所调休的节日，如：国庆节"
      />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存"}
      </Button>
    </form>
  );
}
