"use client";

import { useEffect } from "react";
import { PAGE_OWNER_FIELD } from "@/lib/auth/page-owner";

// Between the pages' forms and the login in place (session-watch.tsx, mounted by the layouts of
// pages behind login): a form whose request was refused because the login ended asks for the
// login here, and can wait for it to try again — the page stays as it is, everything typed and
// uploaded kept. Without a host (a page outside those layouts) nobody offers a login: the
// request answers false at once and the form shows its message as before.

type Host = () => void;

let host: Host | null = null;
/** The tag of the person the page was rendered for (the layout's), while a host is mounted. */
let hostOwner: string | null = null;
let waiting: ((loggedIn: boolean) => void)[] = [];

const RENEWED = "kuaiji:session-renewed";

/**
 * The login has ended: offers the login in place. Resolves true once the same person is logged
 * in again (or the session turns out alive after all), false when they close the dialog.
 */
export function requestLogin(): Promise<boolean> {
  if (!host) return Promise.resolve(false);
  const open = host;
  return new Promise((resolve) => {
    waiting.push(resolve);
    open();
  });
}

/** requestLogin for a form that only needs the dialog offered: the person sends again. */
export function offerLogin(): void {
  void requestLogin();
}

/**
 * For session-watch.tsx: it opens the login when asked, for the page of `owner`. Returns the
 * unregister.
 */
export function hostLogin(open: Host, owner: string): () => void {
  host = open;
  hostOwner = owner;
  return () => {
    if (host === open) {
      host = null;
      hostOwner = null;
    }
    settleLogin(false);
  };
}

/**
 * Whose page this is (an opaque tag), for requests the cookie alone must not decide: another tab
 * may have logged in as someone else meanwhile. Null on a page without the login in place.
 */
export function pageOwner(): string | null {
  return hostOwner;
}

/**
 * An action's input naming this page's owner (lib/auth/page-owner.ts), so that the action is
 * refused rather than done for someone else who logged in meanwhile; as it was without a watcher.
 */
export function withPageOwner<I extends object>(input: I): I {
  return hostOwner ? { ...input, [PAGE_OWNER_FIELD]: hostOwner } : input;
}

/** For session-watch.tsx: the login in place succeeded (true) or was closed (false). */
export function settleLogin(loggedIn: boolean): void {
  const all = waiting;
  waiting = [];
  for (const resolve of all) resolve(loggedIn);
  if (loggedIn) window.dispatchEvent(new Event(RENEWED));
}

/** Runs `then` whenever the person is logged in again in place (e.g. to reload an image). */
export function useSessionRenewed(then: () => void): void {
  useEffect(() => {
    window.addEventListener(RENEWED, then);
    return () => window.removeEventListener(RENEWED, then);
  }, [then]);
}
