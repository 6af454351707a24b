"use client";

import * as React from "react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";

/** Radix dialog. Every DialogContent needs a DialogTitle (use a visually hidden one if need be). */
export function Dialog(props: React.ComponentProps<typeof DialogPrimitive.Root>) {
  return <DialogPrimitive.Root data-slot="dialog" {...props} />;
}

export function DialogTrigger(props: React.ComponentProps<typeof DialogPrimitive.Trigger>) {
  return <DialogPrimitive.Trigger data-slot="dialog-trigger" {...props} />;
}

export function DialogPortal(props: React.ComponentProps<typeof DialogPrimitive.Portal>) {
  return <DialogPrimitive.Portal data-slot="dialog-portal" {...props} />;
}

export function DialogClose(props: React.ComponentProps<typeof DialogPrimitive.Close>) {
  return <DialogPrimitive.Close data-slot="dialog-close" {...props} />;
}

export function DialogOverlay({
  className,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Overlay>) {
  return (
    <DialogPrimitive.Overlay
      data-slot="dialog-overlay"
      className={cn("fixed inset-0 z-50 bg-black/50", className)}
      {...props}
    />
  );
}

/**
 * While a modal dialog is open, everything outside its portal is `inert`: Radix hides it from
 * screen readers (aria-hidden) and traps Tab, but the hidden links and buttons could still take
 * focus (a click, a script) — nothing hidden may be focusable. Applied from the content's ref as
 * it attaches (Radix's portal fills in after its first render, so an effect of ours would find no
 * content yet) and undone as it detaches. Counted per element: when two dialogs are stacked and
 * the lower one closes first, the page stays inert for the upper one.
 */
const inertHolds = new Map<Element, number>();

function holdInert(el: Element): boolean {
  const held = inertHolds.get(el);
  if (held === undefined) {
    if (el.hasAttribute("inert")) return false; // someone else's: leave it to them
    el.setAttribute("inert", "");
  }
  inertHolds.set(el, (held ?? 0) + 1);
  return true;
}

function releaseInert(el: Element) {
  const held = inertHolds.get(el);
  if (held === undefined) return;
  if (held > 1) return void inertHolds.set(el, held - 1);
  inertHolds.delete(el);
  el.removeAttribute("inert");
}

function inertOutside(content: HTMLElement): () => void {
  const held: Element[] = [];
  // From the content up to <body> (Radix portals it there, beside its overlay).
  for (let node = content; node.parentElement; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || sibling.tagName === "SCRIPT") continue;
      if (sibling.matches("[data-slot=dialog-overlay]")) continue;
      if (holdInert(sibling)) held.push(sibling);
    }
    if (node.parentElement === document.body) break;
  }
  return () => held.forEach(releaseInert);
}

/** The content's ref: inert outside while attached (React 19 calls the returned cleanup). */
const inertOutsideRef = (node: HTMLDivElement | null) => (node ? inertOutside(node) : undefined);

/**
 * The dialog itself: focus stays inside while it is open (Radix traps Tab both ways), and goes
 * back on closing to where it was when the dialog opened — Radix knows only a DialogTrigger, and
 * a dialog the page opens by itself (the photo cropper after a file is chosen) has none, so focus
 * would fall to <body>.
 */
export function DialogContent({
  className,
  children,
  showCloseButton = true,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Content> & {
  /** Show the ✕ button (aria-label 关闭) in the corner. */
  showCloseButton?: boolean;
}) {
  const opener = React.useRef<HTMLElement | null>(null);
  const t = useTranslations("Common");
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content
        ref={inertOutsideRef}
        data-slot="dialog-content"
        onOpenAutoFocus={(e) => {
          const active = document.activeElement;
          opener.current =
            active instanceof HTMLElement && active !== document.body ? active : null;
          onOpenAutoFocus?.(e);
        }}
        onCloseAutoFocus={(e) => {
          onCloseAutoFocus?.(e);
          const back = opener.current;
          if (e.defaultPrevented || !back?.isConnected) return;
          e.preventDefault();
          back.focus();
        }}
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-full max-w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto",
          "rounded-lg border bg-background p-5 shadow-lg sm:max-w-lg sm:p-6",
          className,
        )}
        {...props}
      >
        {children}
        {showCloseButton && (
          <DialogPrimitive.Close
            data-slot="dialog-close"
            aria-label={t("close")}
            className={cn(
              // 44 × 44 px, like every target (issue 13)
              "absolute top-2 right-2 inline-flex size-11 items-center justify-center rounded-md text-muted-foreground",
              "hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-ring",
            )}
          >
            <XIcon className="size-5" aria-hidden="true" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="dialog-header"
      className={cn("flex flex-col gap-2 pr-10 text-left", className)}
      {...props}
    />
  );
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="dialog-footer"
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}

export function DialogTitle({
  className,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Title>) {
  return (
    <DialogPrimitive.Title
      data-slot="dialog-title"
      className={cn("text-lg leading-snug font-semibold", className)}
      {...props}
    />
  );
}

export function DialogDescription({
  className,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Description>) {
  return (
    <DialogPrimitive.Description
      data-slot="dialog-description"
      className={cn("text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}
