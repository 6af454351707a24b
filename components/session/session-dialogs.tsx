"use client";

import * as React from "react";
import { useTranslations } from "next-intl";
import { announcementValues, countdownValues } from "@/lib/account/session-timing";
import { askLoginCaptcha } from "@/app/[locale]/(auth)/login/ask-captcha";
import { loginSchema } from "@/app/[locale]/(auth)/login/login.validation";
import { CredentialsLoginForm } from "@/components/auth/credentials-login-form";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

// The two dialogs of session-watch.tsx, loaded only when one is due.

/** Milliseconds until `endsAt`, again every second. */
function useTimeLeft(endsAt: number): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return Math.max(0, endsAt - now);
}

/**
 * The warning: an alertdialog that takes focus onto 继续办理. The countdown is seen every second
 * (role="timer": not read aloud), and said about once a minute (a polite live region).
 * Escape means the person is here: it keeps the session alive like 继续办理.
 */
export function WarningDialog({
  endsAt,
  busy,
  onContinue,
}: {
  endsAt: number;
  busy: boolean;
  onContinue: () => void;
}) {
  const t = useTranslations("SessionDialogs");
  const left = useTimeLeft(endsAt);
  const button = React.useRef<HTMLButtonElement>(null);
  return (
    <Dialog open onOpenChange={(open) => !open && onContinue()}>
      <DialogContent
        role="alertdialog"
        aria-modal="true"
        showCloseButton={false}
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          button.current?.focus();
        }}
        onInteractOutside={(e) => e.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>{t("warningTitle")}</DialogTitle>
          <DialogDescription className="text-base">{t("warningText")}</DialogDescription>
        </DialogHeader>
        <p className="text-base">
          {t("timeLeft")}
          <span role="timer" className="font-semibold tabular-nums">
            {t("countdown", countdownValues(left))}
          </span>
        </p>
        <p className="sr-only" aria-live="polite">
          {t("announcement", announcementValues(left))}
        </p>
        <DialogFooter>
          <Button ref={button} type="button" disabled={busy} onClick={onContinue}>
            {t("continue")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * The login in place. An accountant logs in here and stays on the page; finance staff sign in
 * through their steps (password, then the second factor) in a new tab, and come back.
 */
export function LoginDialog({
  kind,
  onLoggedIn,
  onClose,
}: {
  kind: "person" | "staff";
  onLoggedIn: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useTranslations("SessionDialogs");
  const auth = useTranslations("Auth");
  const [pending, setPending] = React.useState(false);
  const here = typeof window === "undefined" ? "/" : window.location.pathname;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent onInteractOutside={(e) => e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{t("loginTitle")}</DialogTitle>
          <DialogDescription className="text-base">
            {kind === "person" ? t("loginTextPerson") : t("loginTextStaff")}
          </DialogDescription>
        </DialogHeader>
        {kind === "person" ? (
          <CredentialsLoginForm
            schema={loginSchema}
            nameField={{ name: "idNumber", label: auth("idNumber"), preset: "id-number" }}
            next={here}
            askCaptcha={askLoginCaptcha}
            onSuccess={() => void onLoggedIn()}
          />
        ) : (
          <DialogFooter>
            <Button asChild variant="outline">
              <a href="/console/login" target="_blank" rel="noopener">
                {t("staffLogin")}
              </a>
            </Button>
            <Button
              type="button"
              disabled={pending}
              onClick={() => {
                setPending(true);
                void onLoggedIn().finally(() => setPending(false));
              }}
            >
              {t("staffLoggedIn")}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
