"use client";

import type { ReactNode } from "react";
import { useVisitor } from "./use-visitor";

/**
 * What a static page shows by who is logged in: `anonymous` until the browser knows (and when it
 * cannot find out), `person` for a logged-in accountant, `staff` for finance staff (or
 * `anonymous` when not given).
 */
export function ForVisitor({
  anonymous,
  person,
  staff,
}: {
  anonymous: ReactNode;
  person: ReactNode;
  staff?: ReactNode;
}) {
  const visitor = useVisitor();
  if (visitor?.kind === "person") return person;
  if (visitor?.kind === "staff") return staff ?? anonymous;
  return anonymous;
}
