"use client";

import type { ComponentProps, ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { useSourceText } from "@/components/i18n/use-source-text";
import { pathId, type Path } from "./paths";
import type { NestedForm } from "./use-nested-form";

// Controls bound to a `useNestedForm` path: value, change, blur-validation, the error at the
// field. Ids derive from the path, so the error of "fullTime.0.school" is "fullTime-0-school-error".
// Labels and hints are Chinese as the callers write them — the domain's words, shared by 信息采集,
// 信息变更 and the console, whose pages give no namespace of ours — and shown in the reader's
// language through the domain's catalogue (useSourceText: unchanged on 简体 pages and for a text
// nobody listed). Options are left as given: most are code tables' names, which stay Chinese.

interface FieldProps {
  form: NestedForm;
  path: Path;
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

/** A hint or label in the reader's language when it is text; markup as given. */
function shown(node: ReactNode, text: (chinese: string) => string): ReactNode {
  return typeof node === "string" ? text(node) : node;
}

function asText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export function NestedText({
  form,
  path,
  label,
  hint,
  required = true,
  ...inputProps
}: FieldProps & Omit<ComponentProps<typeof Input>, "form" | "value" | "onChange" | "id">) {
  const text = useSourceText();
  const id = pathId(path);
  const error = form.error(path);
  return (
    <FormField
      id={id}
      label={text(label)}
      required={required}
      error={error}
      hint={shown(hint, text)}
    >
      <Input
        {...inputProps}
        placeholder={inputProps.placeholder && text(inputProps.placeholder)}
        {...fieldAria(id, error)}
        name={path}
        value={asText(form.get(path))}
        onChange={(e) => form.set(path, e.target.value)}
        onBlur={() => form.blur(path)}
      />
    </FormField>
  );
}

/** A 4-digit year, typed (a picker of 80 years is slower on a phone than four digits). */
export function NestedYear(props: FieldProps) {
  return (
    <NestedText
      {...props}
      inputMode="numeric"
      maxLength={4}
      placeholder="如 2020"
      autoComplete="off"
      className="max-w-40"
    />
  );
}

/** A month as YYYY-MM: the browser's month picker where it has one, typed text elsewhere. */
export function NestedMonth(props: FieldProps) {
  return <NestedText {...props} type="month" placeholder="YYYY-MM" className="max-w-48" />;
}

export function NestedSelect({
  form,
  path,
  label,
  hint,
  required = true,
  options,
  placeholder = "请选择",
  onValueChange,
}: FieldProps & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  /** Called after the value is set (e.g. to clear a dependent field). */
  onValueChange?: (value: string) => void;
}) {
  const text = useSourceText();
  const id = pathId(path);
  const error = form.error(path);
  return (
    <FormField
      id={id}
      label={text(label)}
      required={required}
      error={error}
      hint={shown(hint, text)}
    >
      <NativeSelect
        {...fieldAria(id, error)}
        name={path}
        placeholder={text(placeholder)}
        value={asText(form.get(path))}
        onChange={(e) => {
          form.set(path, e.target.value);
          onValueChange?.(e.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FormField>
  );
}

/** Radio buttons for a few choices; `values` may be booleans (是/否). */
export function NestedRadios<T extends string | boolean>({
  form,
  path,
  label,
  hint,
  required = true,
  options,
}: FieldProps & { options: readonly { value: T; label: string }[] }) {
  const text = useSourceText();
  const id = pathId(path);
  const error = form.error(path);
  const current = form.get(path);
  return (
    <FormField
      id={id}
      label={text(label)}
      required={required}
      error={error}
      hint={shown(hint, text)}
      group
    >
      <RadioGroup
        {...fieldAria(id, error, { group: true, hint: Boolean(hint) })}
        value={options.some((o) => o.value === current) ? String(current) : ""}
        onValueChange={(v) => form.set(path, options.find((o) => String(o.value) === v)?.value)}
        className="flex flex-wrap gap-x-6 gap-y-2"
      >
        {options.map((o) => (
          <div key={String(o.value)} className="flex items-center gap-2">
            <RadioGroupItem value={String(o.value)} id={`${id}-${String(o.value)}`} />
            <Label htmlFor={`${id}-${String(o.value)}`}>{o.label}</Label>
          </div>
        ))}
      </RadioGroup>
    </FormField>
  );
}

export function NestedCheckbox({
  form,
  path,
  label,
}: {
  form: NestedForm;
  path: Path;
  label: ReactNode;
}) {
  const text = useSourceText();
  const id = pathId(path);
  const error = form.error(path);
  return (
    <div className="grid gap-1.5">
      <div className="flex items-start gap-2">
        <Checkbox
          {...fieldAria(id, error)}
          checked={form.get(path) === true}
          onCheckedChange={(checked) => form.set(path, checked === true)}
          className="mt-0.5"
        />
        <Label htmlFor={id} className="leading-snug">
          {shown(label, text)}
        </Label>
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
