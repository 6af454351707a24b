"use client";

import { useEffect, useState } from "react";

/** Who is logged in: an accountant, finance staff, or nobody. */
export type SessionKind = "person" | "staff" | null;

/** The visitor as GET /api/session answers: who they are, and their name for the header. */
export interface Visitor {
  kind: SessionKind;
  name: string | null;
}

/**
 * The visitor's session as the server checks it (GET /api/session), for static pages that act on
 * it in the browser: the portal's links, the login pages sending a logged-in visitor home.
 * `undefined` until the answer arrives, and when it cannot be had (then pages show what they
 * show a visitor who is not logged in: every link still leads somewhere that works).
 */
export function useVisitor(): Visitor | undefined {
  const [visitor, setVisitor] = useState<Visitor>();
  useEffect(() => {
    let live = true;
    void askOnce().then((v) => live && v && setVisitor(v));
    return () => {
      live = false;
    };
  }, []);
  return visitor;
}

/** The question in flight: a page's header, links and form mounting together ask it once. */
let asking: Promise<Visitor | undefined> | null = null;

function askOnce(): Promise<Visitor | undefined> {
  asking ??= fetch("/api/session", { cache: "no-store" })
    .then((res) => (res.ok ? (res.json() as Promise<Visitor>) : undefined))
    .catch(() => undefined) // offline: act as if unknown
    .finally(() => {
      // answered: the next page (after a login or 退出登录) asks again
      asking = null;
    });
  return asking;
}
