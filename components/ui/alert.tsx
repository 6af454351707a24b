import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils/cn";

export const alertVariants = cva(
  [
    "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm",
    "has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current",
  ],
  {
    variants: {
      variant: {
        default: "border-primary/30 bg-primary-soft text-foreground [&>svg]:text-primary",
        destructive: "border-destructive/40 bg-destructive-soft text-destructive",
        success: "border-success/40 bg-success-soft text-success",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type AlertProps = React.ComponentProps<"div"> & VariantProps<typeof alertVariants>;

/**
 * A message box. `destructive` gets role="alert" (announced at once); `success` role="status"
 * (announced politely); `default` (information, 须知) no live role. Override with `role`.
 * Next's route announcer is also a role="alert": find yours by name or text, or by
 * `[data-slot="alert"]`.
 */
export function Alert({ className, variant, role, ...props }: AlertProps) {
  const implicitRole =
    variant === "destructive" ? "alert" : variant === "success" ? "status" : undefined;
  return (
    <div
      data-slot="alert"
      data-variant={variant ?? "default"}
      role={role ?? implicitRole}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    />
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-title"
      className={cn("col-start-2 font-semibold leading-snug", className)}
      {...props}
    />
  );
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn(
        "col-start-2 grid justify-items-start gap-1 text-sm [&_p]:leading-relaxed",
        className,
      )}
      {...props}
    />
  );
}
