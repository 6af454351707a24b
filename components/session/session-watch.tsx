"use client";

import * as React from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  initialPlan,
  loginOnAnswer,
  planFor,
  type SessionPhase,
  warnBeforeMs,
} from "@/lib/account/session-timing";
import { DialogsUnavailable } from "./dialogs-unavailable";
import { hostLogin, settleLogin } from "./session-events";

// The dialogs (Radix, the login form, next-auth's client) only once one is due: not part of the
// first load of every page behind login.
const loadDialogs = () => import("./session-dialogs");
const WarningDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.WarningDialog })));
const LoginDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.LoginDialog })));

/** Tabs of this browser tell each other when one kept the session alive or logged in again. */
const CHANNEL = "kuaiji-session";
/** When the server cannot be asked (offline), what shows stays and it is asked again after this. */
const RETRY_MS = 30_000;

/** GET/POST /api/session/idle (lib/account/session-clock.ts, SessionClock). */
type Clock =
  { live: true; kind: "person" | "staff"; owner: string; remainingMs: number } | { live: false };

async function askServer(method: "GET" | "POST"): Promise<Clock | undefined> {
  try {
    const res = await fetch("/api/session/idle", { method, cache: "no-store" });
    return res.ok ? ((await res.json()) as Clock) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The idle timeout, told in time (issue 13, item 7). Mounted through SessionTimeout
 * (session-timeout.tsx, which gives it its messages) with the session's owner (an opaque tag)
 * and the idle time. It asks the server — which
 * answers without keeping the session alive — only when the warning may be due; about 5
 * minutes before the end it shows the warning with 继续办理, and once the session has ended, the
 * login in place: the page stays exactly as it was, everything typed and uploaded kept. Forms
 * whose request was refused for an ended login ask for that login too (session-events.ts).
 * Another person logging in (in the dialog or another tab) gets a fresh page: what this one
 * holds is not theirs.
 */
export function SessionWatch({
  kind,
  owner: renderedFor,
  idleMs,
}: {
  kind: "person" | "staff";
  owner: string;
  idleMs: number;
}) {
  const t = useTranslations("SessionDialogs");
  // The page belongs to whom it was first rendered for. A later render of the layout (a refresh)
  // under another person's cookie keeps what this page holds: the page reloads instead of
  // letting the new owner inherit it.
  const [owner] = React.useState(renderedFor);
  React.useEffect(() => {
    if (renderedFor !== owner) window.location.reload();
  }, [renderedFor, owner]);
  const warnMs = warnBeforeMs(idleMs);
  const [phase, setPhase] = React.useState<SessionPhase>("quiet");
  const [endsAt, setEndsAt] = React.useState(0);
  const [loginOpen, setLoginOpen] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const phaseRef = React.useRef<SessionPhase>("quiet");
  const timer = React.useRef<ReturnType<typeof setTimeout>>(undefined);
  const channel = React.useRef<BroadcastChannel | null>(null);
  /** A form asked for the login: it waits for the answer, whatever the timers thought. */
  const asked = React.useRef(false);

  const schedule = React.useCallback((ms: number | null, then: () => void) => {
    clearTimeout(timer.current);
    if (ms !== null) timer.current = setTimeout(then, ms);
  }, []);

  /** The next question to the server, whenever a timer comes due (set below, once `check` is). */
  const checkNext = React.useRef<() => void>(() => {});
  const askLater = React.useCallback(
    (ms: number | null) => schedule(ms, () => checkNext.current()),
    [schedule],
  );

  const follow = React.useCallback(
    (clock: Clock | undefined) => {
      if (clock === undefined) {
        askLater(RETRY_MS);
        return;
      }
      if (clock.live && (clock.kind !== kind || clock.owner !== owner)) {
        // Someone else is logged in now: this page, and what it holds, is not theirs.
        window.location.reload();
        return;
      }
      const remaining = clock.live ? clock.remainingMs : null;
      const plan = planFor(remaining, warnMs);
      const was = phaseRef.current;
      phaseRef.current = plan.phase;
      setPhase(plan.phase);
      setEndsAt(Date.now() + (remaining ?? 0));
      const login = loginOnAnswer(was, plan.phase, asked.current);
      if (login.open !== undefined) setLoginOpen(login.open);
      if (login.resume) settleLogin(true);
      asked.current = false;
      askLater(plan.checkInMs);
    },
    [kind, owner, warnMs, askLater],
  );

  const check = React.useCallback(async () => {
    loadDialogs().catch(() => {
      // fetched again when a dialog is rendered
    });
    follow(await askServer("GET"));
  }, [follow]);

  React.useEffect(() => {
    checkNext.current = () => void check();
  }, [check]);

  const tellOtherTabs = () => channel.current?.postMessage("renewed");

  React.useEffect(() => {
    const run = () => void check();
    askLater(initialPlan(idleMs).checkInMs);
    // A sleeping laptop or a background tab delays timers: ask when the page is seen again.
    const onVisible = () => document.visibilityState === "visible" && run();
    document.addEventListener("visibilitychange", onVisible);
    if ("BroadcastChannel" in window) {
      channel.current = new BroadcastChannel(CHANNEL);
      channel.current.onmessage = run;
    }
    const unhost = hostLogin(() => {
      asked.current = true;
      run();
    }, owner);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener("visibilitychange", onVisible);
      channel.current?.close();
      channel.current = null;
      unhost();
    };
  }, [check, idleMs, askLater, owner]);

  async function keepAlive() {
    setBusy(true);
    follow(await askServer("POST"));
    setBusy(false);
    tellOtherTabs();
  }

  async function loggedIn() {
    await check();
    tellOtherTabs();
  }

  function closeLogin() {
    setLoginOpen(false);
    settleLogin(false);
  }

  return (
    <>
      {phase === "warning" && (
        <DialogsUnavailable kind={kind}>
          <React.Suspense fallback={null}>
            <WarningDialog endsAt={endsAt} busy={busy} onContinue={() => void keepAlive()} />
          </React.Suspense>
        </DialogsUnavailable>
      )}
      {phase === "ended" && loginOpen && (
        <DialogsUnavailable kind={kind}>
          <React.Suspense fallback={null}>
            <LoginDialog kind={kind} onLoggedIn={loggedIn} onClose={closeLogin} />
          </React.Suspense>
        </DialogsUnavailable>
      )}
      {phase === "ended" && !loginOpen && (
        <div className="fixed inset-x-0 bottom-0 z-40 border-t bg-background p-3 shadow-lg print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3">
            <p className="text-base">{t("ended")}</p>
            <Button type="button" onClick={() => setLoginOpen(true)}>
              {t("loginAgain")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
