"use client";

import * as React from "react";
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
import { countdownAnnouncement, countdownText } from "@/lib/account/session-timing";

// The two dialogs of session-timeout.tsx, loaded only when one is due.

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
          <DialogTitle>登录即将失效</DialogTitle>
          <DialogDescription className="text-base">
            您已较长时间没有操作，为保护您的信息安全，倒计时结束后需要重新登录。点击“继续办理”即可继续，本页填写和上传的内容都会保留。
          </DialogDescription>
        </DialogHeader>
        <p className="text-base">
          剩余时间：
          <span role="timer" className="font-semibold tabular-nums">
            {countdownText(left)}
          </span>
        </p>
        <p className="sr-only" aria-live="polite">
          {countdownAnnouncement(left)}
        </p>
        <DialogFooter>
          <Button ref={button} type="button" disabled={busy} onClick={onContinue}>
            继续办理
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
  const [pending, setPending] = React.useState(false);
  const here = typeof window === "undefined" ? "/" : window.location.pathname;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent onInteractOutside={(e) => e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>登录已失效，请重新登录</DialogTitle>
          <DialogDescription className="text-base">
            {kind === "person"
              ? "长时间未操作，登录已失效。请在此重新登录：登录后仍停留在本页，本页填写和上传的内容都会保留。"
              : "长时间未操作，登录已失效。请在新打开的页面登录财政部门端，然后回到本页点击“我已重新登录”，本页填写的内容都会保留。"}
          </DialogDescription>
        </DialogHeader>
        {kind === "person" ? (
          <CredentialsLoginForm
            schema={loginSchema}
            nameField={{ name: "idNumber", label: "证件号码", preset: "id-number" }}
            next={here}
            askCaptcha={askLoginCaptcha}
            onSuccess={() => void onLoggedIn()}
          />
        ) : (
          <DialogFooter>
            <Button asChild variant="outline">
              <a href="/console/login" target="_blank" rel="noopener">
                登录财政部门端（新窗口）
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
              我已重新登录
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
