"use client";

import * as React from "react";
import { cn } from "@/lib/utils/cn";

// Native radio buttons, styled: the browser gives one tab stop per group, arrow keys that move
// and select, and label clicks. Radix's radio group did the same with about 10 kB gzip of script
// on every form page.

interface RadioGroupState {
  name: string;
  value: string;
  select: (value: string) => void;
  disabled?: boolean;
}

const RadioGroupContext = React.createContext<RadioGroupState | null>(null);

export interface RadioGroupProps extends Omit<
  React.ComponentProps<"div">,
  "defaultValue" | "onChange"
> {
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** The inputs' name; generated when not given. */
  name?: string;
  disabled?: boolean;
}

/**
 * A role="radiogroup" of native radios. Give it an accessible name: `aria-labelledby` (FormField
 * with `group` + fieldAria(id, error, { group: true }) does this) or `aria-label`. Put each item
 * and its <Label htmlFor={itemId}> in a row of their own (a div, one per choice): the whole row is
 * the choice's target, at least 44 × 44 px: the label's ::after fills the row beneath the radio
 * and the text, so a press anywhere in it is a press on the label (issue 13: a whole 是/否 row is
 * its hit area), while the radio itself stays what is under a press on it.
 */
export function RadioGroup({
  className,
  value,
  defaultValue = "",
  onValueChange,
  name,
  disabled,
  ...props
}: RadioGroupProps) {
  const generated = React.useId();
  const [own, setOwn] = React.useState(defaultValue);
  const state: RadioGroupState = {
    name: name ?? generated,
    value: value ?? own,
    select: (v) => {
      setOwn(v);
      onValueChange?.(v);
    },
    disabled,
  };
  return (
    <RadioGroupContext value={state}>
      <div
        role="radiogroup"
        data-slot="radio-group"
        className={cn(
          "grid gap-3",
          "*:relative *:isolate *:min-h-11 *:min-w-11 *:rounded-md *:pr-2",
          // over the row's border too, with the row's radius: inside the border a rounded corner
          // left the row's own corner (under a press at its far end) uncovered
          "[&>*>label]:after:absolute [&>*>label]:after:-inset-px [&>*>label]:after:-z-1 [&>*>label]:after:rounded-md",
          "[&>*:hover>label]:after:bg-primary/5",
          className,
        )}
        {...props}
      />
    </RadioGroupContext>
  );
}

export function RadioGroupItem({
  className,
  value,
  disabled,
  ...props
}: Omit<React.ComponentProps<"input">, "type" | "name" | "value" | "checked" | "onChange"> & {
  value: string;
}) {
  const group = React.useContext(RadioGroupContext);
  if (!group) throw new Error("RadioGroupItem outside a RadioGroup");
  return (
    <input
      type="radio"
      data-slot="radio-group-item"
      name={group.name}
      value={value}
      checked={group.value === value}
      onChange={() => group.select(value)}
      disabled={disabled ?? group.disabled}
      className={cn(
        // the dot: the checked fill behind a ring of the background colour
        "peer size-6 shrink-0 appearance-none rounded-full border-2 border-input bg-background shadow-xs transition-colors",
        "checked:border-primary checked:bg-primary checked:shadow-[inset_0_0_0_4px_var(--color-background)]",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
        className,
      )}
      {...props}
    />
  );
}
