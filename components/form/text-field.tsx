"use client";

import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { FormApi, FormValues } from "./use-form";

/** Input behaviour shared by every field of one kind (keyboard, autofill, no spellcheck). */
const PRESETS = {
  "id-number": { autoComplete: "username", autoCapitalize: "characters", spellCheck: false },
  phone: { type: "tel", inputMode: "numeric", autoComplete: "tel" },
} as const;

type InputProps = Omit<
  ComponentProps<typeof Input>,
  "form" | "name" | "value" | "onChange" | "onBlur" | "id"
>;

/**
 * A labelled text input bound to a `useForm` field: value, change, blur-validation and the
 * error at the field. `password` swaps in the show/hide password input; `children` render
 * below the control (e.g. the live password rules).
 */
export function TextField<V extends FormValues>({
  form,
  name,
  label,
  hint,
  required = true,
  password = false,
  preset,
  children,
  ...inputProps
}: {
  form: FormApi<V>;
  name: keyof V & string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  password?: boolean;
  preset?: keyof typeof PRESETS;
  children?: ReactNode;
} & InputProps) {
  const error = form.errors[name];
  const ref = useRef<HTMLInputElement>(null);
  const { setValue } = form;
  // On a slow phone people type before the page has hydrated; React would then show its
  // empty state and drop what they typed. Adopt whatever the input already holds.
  useEffect(() => {
    const typed = ref.current?.value;
    if (typed) setValue(name, typed as V[typeof name]);
  }, [name, setValue]);
  const Control = password ? PasswordInput : Input;
  return (
    <FormField id={name} label={label} required={required} error={error} hint={hint}>
      <Control
        {...(preset ? PRESETS[preset] : {})}
        {...inputProps}
        {...fieldAria(name, error, { hint: Boolean(hint) })}
        ref={ref}
        name={name}
        value={form.values[name]}
        onChange={(e) => form.setValue(name, e.target.value as V[typeof name])}
        onBlur={() => form.blur(name)}
      />
      {children}
    </FormField>
  );
}
