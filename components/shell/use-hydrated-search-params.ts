"use client";

import { type ReadonlyURLSearchParams, useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The query string on a static page (`dynamic = "force-static"`): null while the page is
 * prerendered and while it hydrates — its HTML serves every query, so hydration must render the
 * same — and the real parameters from the render right after.
 */
export function useHydratedSearchParams(): ReadonlyURLSearchParams | null {
  const params = useSearchParams();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? params : null;
}
