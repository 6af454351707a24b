"use client";

import type { ComponentProps, ReactNode, Ref } from "react";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { FormApi, FormValues } from "./use-form";

type TextareaProps = Omit<
  ComponentProps<typeof Textarea>,
  "form" | "name" | "value" | "onChange" | "onBlur" | "id" | "ref"
>;

/**
 * A labelled multi-line text bound to a `useForm` field, like TextField; `before` renders
 * between the label and the control (e.g. a formatting toolbar).
 */
export function TextareaField<V extends FormValues>({
  form,
  name,
  label,
  hint,
  before,
  textareaRef,
  ...textareaProps
}: {
  form: FormApi<V>;
  name: keyof V & string;
  label: string;
  hint?: ReactNode;
  before?: ReactNode;
  textareaRef?: Ref<HTMLTextAreaElement>;
} & TextareaProps) {
  const error = form.errors[name];
  return (
    <FormField id={name} label={label} required error={error} hint={hint}>
      {before}
      <Textarea
        {...textareaProps}
        {...fieldAria(name, error, { hint: Boolean(hint) })}
        ref={textareaRef}
        name={name}
        value={form.values[name]}
        onChange={(e) => form.setValue(name, e.target.value as V[typeof name])}
        onBlur={() => form.blur(name)}
      />
    </FormField>
  );
}
