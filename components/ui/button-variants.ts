import { cva } from "class-variance-authority";

// The button look, apart from the Button component: what only needs the classes (a link styled
// as a button, the error boundary present on every page) does not bring Radix's Slot along. The
// bundler copies a module into each chunk group that uses it, so Slot in the error boundary's
// group was duplicated in every page with a client-side Button.

export const buttonVariants = cva(
  [
    // a label longer than the line wraps inside the button instead of pushing the page sideways
    // (200 % text at 360 px); min-h rather than h lets it grow
    "inline-flex max-w-full shrink-0 items-center justify-center gap-2 rounded-md py-1.5 text-center font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
    "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  ],
  {
    variants: {
      variant: {
        default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary-hover",
        secondary: "bg-secondary text-secondary-foreground hover:bg-secondary-hover",
        outline: "border border-primary bg-background text-primary hover:bg-primary-soft",
        ghost: "text-foreground hover:bg-accent hover:text-accent-foreground",
        destructive:
          "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive-hover",
        link: "text-primary underline-offset-4 hover:underline",
      },
      size: {
        // every size is a 44 × 44 px target at least (issue 13); sm is only narrower
        default: "min-h-11 min-w-11 px-4 text-base",
        sm: "min-h-11 min-w-11 px-3 text-base",
        lg: "min-h-12 min-w-12 px-6 text-lg",
        icon: "size-11",
      },
    },
    compoundVariants: [{ variant: "link", className: "px-0" }],
    defaultVariants: { variant: "default", size: "default" },
  },
);
