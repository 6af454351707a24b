import * as React from "react";
import { Loader2Icon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

const SIZES = { sm: "size-4", default: "size-5", lg: "size-8" } as const;

export type SpinnerProps = Omit<React.ComponentProps<"span">, "children"> & {
  /** Text for screen readers; `null` makes the spinner decorative (e.g. inside a "提交中…" button). */
  label?: string | null;
  size?: keyof typeof SIZES;
};

/** A spinning indicator. With a label it is a role="status" region announcing the label. */
export function Spinner({ className, label = "加载中", size = "default", ...props }: SpinnerProps) {
  const decorative = label === null;
  return (
    <span
      data-slot="spinner"
      role={decorative ? undefined : "status"}
      aria-hidden={decorative ? true : undefined}
      className={cn("inline-flex items-center text-primary", className)}
      {...props}
    >
      <Loader2Icon className={cn(SIZES[size], "animate-spin")} aria-hidden="true" />
      {!decorative && <span className="sr-only">{label}</span>}
    </span>
  );
}
