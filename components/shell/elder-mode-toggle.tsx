"use client";

import { useSyncExternalStore } from "react";
import { CheckIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { ELDER_MODE_STYLESHEET, elderModeCookie, elderModeOn } from "@/lib/ui/elder-mode";

// The switch for 长辈模式 in the header of every page. The mode itself is the stylesheet the root
// layout links (lib/ui/elder-mode.ts): a press remembers the choice in the cookie and has the
// browser fetch that stylesheet again, so the page changes at once and keeps what was typed.
// How the switch looks when on comes from that stylesheet too (data-slot="elder-mode-toggle"):
// right from the first paint, before this script has run on a prerendered page.

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setElderMode(on: boolean) {
  document.cookie = elderModeCookie(on, location.protocol === "https:");
  const sheet = document.querySelector<HTMLLinkElement>(
    `link[rel="stylesheet"][href^="${ELDER_MODE_STYLESHEET}"]`,
  );
  // A new address: the browser would otherwise reuse the sheet it holds for the old one.
  if (sheet) sheet.href = `${ELDER_MODE_STYLESHEET}?at=${Date.now()}`;
  for (const listener of listeners) listener();
}

export function ElderModeToggle() {
  const t = useTranslations("Shell");
  const on = useSyncExternalStore(
    subscribe,
    () => elderModeOn(document.cookie),
    () => false,
  );
  return (
    <button
      type="button"
      data-slot="elder-mode-toggle"
      aria-pressed={on}
      onClick={() => setElderMode(!on)}
      className="inline-flex min-h-11 min-w-11 shrink-0 items-center gap-1 rounded-md border border-primary-foreground/80 px-3 text-base font-medium hover:bg-primary-foreground/15 focus-visible:outline-primary-foreground"
    >
      <CheckIcon aria-hidden="true" className="elder-mode-on hidden size-5" />
      {t("elderMode")}
    </button>
  );
}
