"use client";

import { useEffect, useState } from "react";

/** Who is logged in: an accountant, finance staff, or nobody. */
export type SessionKind = "person" | "staff" | null;

/**
 * The visitor's session as the server checks it (GET /api/session), for static pages that act on
 * it in the browser. `undefined` until the answer arrives, and when it cannot be had.
 */
export function useSessionKind(): SessionKind | undefined {
  const [kind, setKind] = useState<SessionKind>();
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/session", { cache: "no-store", signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ kind: SessionKind }>) : undefined))
      .then((body) => body && setKind(body.kind))
      .catch(() => {
        // offline or aborted: act as if unknown
      });
    return () => controller.abort();
  }, []);
  return kind;
}
