import * as React from "react";
import { cn } from "@/lib/utils/cn";

const WIDTHS = { sm: "max-w-xl", md: "max-w-3xl", lg: "max-w-5xl", xl: "max-w-6xl" } as const;

export type PageContainerProps = React.ComponentProps<"div"> & {
  /** Maximum width: sm (forms) 36rem · md 48rem · lg 64rem · xl 72rem (default). */
  width?: keyof typeof WIDTHS;
};

/** Centred content column with responsive side padding (16 px on phones, 24 px from sm). */
export function PageContainer({ className, width = "xl", ...props }: PageContainerProps) {
  return (
    <div
      data-slot="page-container"
      className={cn("mx-auto w-full px-4 sm:px-6", WIDTHS[width], className)}
      {...props}
    />
  );
}
