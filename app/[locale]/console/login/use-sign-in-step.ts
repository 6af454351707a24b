"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * What every step form does with a refusal whose sign-in is gone (expired, used up, reset
 * meanwhile): back to the password, saying why. Other refusals stay at their fields.
 */
export function useExpiredSignIn(next: string) {
  const router = useRouter();
  return (r: Extract<ActionResult<unknown>, { ok: false }>): boolean => {
    if (r.code !== "expired") return false;
    router.replace(`/console/login?expired=1&next=${encodeURIComponent(next)}`);
    return true;
  };
}
