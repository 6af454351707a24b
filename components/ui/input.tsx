import * as React from "react";
import { cn } from "@/lib/utils/cn";

/** Text-like input: 16 px text at every width (no iOS zoom on focus), 44 px tall. */
export const inputClassName = cn(
  "flex h-11 w-full min-w-0 rounded-md border border-input bg-background px-3 py-2 text-base shadow-xs",
  "placeholder:text-muted-foreground transition-colors",
  "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70 read-only:bg-muted",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive",
  "file:mr-3 file:border-0 file:bg-transparent file:text-base file:font-medium file:text-foreground",
);

export type InputProps = React.ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input type={type} data-slot="input" className={cn(inputClassName, className)} {...props} />
  );
}
