"use client";

import * as React from "react";
import { CheckIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
};

/**
 * A native checkbox, styled. Label it with <Label htmlFor={id}> next to it. The input itself is an
 * invisible 44 × 44 px target (issue 13) centred on the 24 px box drawn beneath it, so the box
 * keeps its place in the line and a press slightly beside it still counts. `className` goes to
 * the box's frame, the rest to the input.
 */
export function Checkbox({ className, checked, onCheckedChange, ...props }: CheckboxProps) {
  return (
    <span data-slot="checkbox" className={cn("relative inline-grid size-6 shrink-0", className)}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onCheckedChange?.(e.target.checked)}
        className="peer absolute -inset-2.5 z-10 m-0 appearance-none opacity-0 disabled:cursor-not-allowed"
        {...props}
      />
      <span
        aria-hidden="true"
        className={cn(
          "col-start-1 row-start-1 size-6 rounded-sm border-2 border-input bg-background shadow-xs transition-colors",
          "peer-checked:border-primary peer-checked:bg-primary",
          "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring",
          "peer-disabled:opacity-50 peer-aria-invalid:border-destructive",
        )}
      />
      <CheckIcon
        aria-hidden="true"
        strokeWidth={3}
        className="pointer-events-none col-start-1 row-start-1 hidden size-4 place-self-center text-primary-foreground peer-checked:block"
      />
    </span>
  );
}
