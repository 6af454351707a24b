import * as React from "react";
import { CircleAlertIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** Ids FormField gives its parts, for wiring controls by hand. */
export function fieldIds(id: string) {
  return { label: `${id}-label`, hint: `${id}-hint`, error: `${id}-error` };
}

export interface FieldAriaOptions {
  /** The FormField has a hint: describe the control with it too. */
  hint?: boolean;
  /** Adds aria-required (use when you do not set the native `required` attribute). */
  required?: boolean;
  /** A group control (RadioGroup): name it with aria-labelledby, since <label for> cannot. */
  group?: boolean;
}

export interface FieldAria {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
  "aria-labelledby"?: string;
}

/**
 * Accessibility props for the control inside a FormField:
 * `<Input {...fieldAria("phone", errors.phone, { hint: true })} />`.
 * aria-describedby points at the error (and hint) so screen readers read them on focus.
 */
export function fieldAria(
  id: string,
  error?: React.ReactNode,
  options: FieldAriaOptions = {},
): FieldAria {
  const ids = fieldIds(id);
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const describedBy = [hasError ? ids.error : null, options.hint ? ids.hint : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    ...(hasError ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(options.required ? { "aria-required": true as const } : {}),
    ...(options.group ? { "aria-labelledby": ids.label } : {}),
  };
}

export interface FormFieldProps {
  /** The control's id; the label, hint and error ids derive from it (`${id}-error`). */
  id: string;
  label: React.ReactNode;
  /** Shows a red * after the label (hidden from screen readers: mark the control `required`). */
  required?: boolean;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  /**
   * The control is a group (RadioGroup; several checkboxes in a `<div role="group">`): the label
   * becomes a caption, and the group takes its name from it via fieldAria(id, error, { group: true }).
   */
  group?: boolean;
  className?: string;
  children: React.ReactNode;
}

/**
 * When the direct child is the control itself (its `id` is the field's id), add the hint to its
 * aria-describedby, so callers need not pass `{ hint: true }` to fieldAria. A wrapped control
 * (e.g. input + button in a div) still needs `fieldAria(id, error, { hint: true })`.
 */
function withHint(children: React.ReactNode, id: string, hintId: string): React.ReactNode {
  if (!React.isValidElement<{ id?: string; "aria-describedby"?: string }>(children))
    return children;
  if (children.props.id !== id) return children;
  const current = children.props["aria-describedby"]?.split(/\s+/).filter(Boolean) ?? [];
  if (current.includes(hintId)) return children;
  return React.cloneElement(children, { "aria-describedby": [...current, hintId].join(" ") });
}

/** Label above, control, hint, then the error message. Pair with fieldAria() on the control. */
export function FormField({
  id,
  label,
  required,
  hint,
  error,
  group,
  className,
  children,
}: FormFieldProps) {
  const ids = fieldIds(id);
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const labelContent = (
    <>
      {label}
      {required && (
        <span aria-hidden="true" className="text-destructive">
          *
        </span>
      )}
    </>
  );
  return (
    <div
      data-slot="form-field"
      data-invalid={hasError || undefined}
      className={cn("grid gap-1.5", className)}
    >
      {group ? (
        <span id={ids.label} className="flex items-center gap-1 text-sm leading-snug font-medium">
          {labelContent}
        </span>
      ) : (
        <Label id={ids.label} htmlFor={id}>
          {labelContent}
        </Label>
      )}
      {hint ? withHint(children, id, ids.hint) : children}
      {hint && (
        <p id={ids.hint} className="text-sm text-muted-foreground">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={ids.error} className="flex items-start gap-1 text-sm text-destructive">
          <CircleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
