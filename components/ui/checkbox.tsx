"use client";

import * as React from "react";
import { CheckIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
};

/**
 * A native checkbox, styled (the mark is drawn over it). Label it with <Label htmlFor={id}> next
 * to it; the label enlarges the touch target. `className` goes to the box, the rest to the input.
 */
export function Checkbox({ className, checked, onCheckedChange, ...props }: CheckboxProps) {
  return (
    <span data-slot="checkbox" className={cn("inline-grid size-5 shrink-0", className)}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onCheckedChange?.(e.target.checked)}
        className={cn(
          "peer col-start-1 row-start-1 size-5 appearance-none rounded-sm border border-input bg-background shadow-xs transition-colors",
          "checked:border-primary checked:bg-primary",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
          "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
        )}
        {...props}
      />
      <CheckIcon
        aria-hidden="true"
        strokeWidth={3}
        className="pointer-events-none col-start-1 row-start-1 hidden size-4 place-self-center text-primary-foreground peer-checked:block"
      />
    </span>
  );
}
