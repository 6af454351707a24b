import * as React from "react";
import { cn } from "@/lib/utils/cn";
import { inputClassName } from "./input";

/** Multi-line text with the inputs' look; grows by rows, never sideways. */
export function Textarea({ className, rows = 4, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(inputClassName, "h-auto resize-y", className)}
      {...props}
    />
  );
}
