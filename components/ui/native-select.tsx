import * as React from "react";
import { ChevronDownIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type NativeSelectProps = React.ComponentProps<"select"> & {
  /**
   * Adds a first `<option value="">` with this text (e.g. "请选择"). It is selectable, so a
   * `required` select with it chosen fails validation, and an unset value shows the prompt.
   */
  placeholder?: string;
  /** Classes for the wrapping element (width, margins); `className` styles the <select>. */
  wrapperClassName?: string;
};

/** A styled native <select>: the phone's own picker, best for long lists (regions, 民族). */
export function NativeSelect({
  className,
  wrapperClassName,
  placeholder,
  children,
  ...props
}: NativeSelectProps) {
  return (
    <div data-slot="native-select-wrapper" className={cn("relative w-full", wrapperClassName)}>
      <select
        data-slot="native-select"
        className={cn(
          "h-11 w-full min-w-0 appearance-none rounded-md border border-input bg-background py-2 pr-9 pl-3 text-base shadow-xs",
          "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
          "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70",
          "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive",
          className,
        )}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {children}
      </select>
      <ChevronDownIcon
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden="true"
      />
    </div>
  );
}
