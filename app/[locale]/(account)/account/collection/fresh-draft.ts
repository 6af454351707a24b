"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// A step save does not render its page again (issue 9: that render was most of a save's cost,
// and 下一步 and 上一步 navigate at once to a page fetched fresh). So a wizard page the browser
// brings back from its history (Back, Forward) may show the draft as it was before this tab's
// later saves — and a save from it would be refused as stale. Each save therefore records, for
// this tab and person, the revision it stored; a page rendered with an older one fetches itself
// again (its form is keyed by revision, so it starts over from the fresh values).

function known(key: string): number {
  return Number(window.sessionStorage.getItem(key) ?? 0) || 0;
}

/** After a save: the draft revision it stored. */
export function rememberRevision(key: string, revision: number): void {
  if (revision > known(key)) window.sessionStorage.setItem(key, String(revision));
}

/** A page showing draft `revision`: fetched again when this tab has saved a newer one. */
export function useFreshDraft(key: string, revision: number): void {
  const router = useRouter();
  useEffect(() => {
    if (known(key) > revision) {
      // Once per stale page: should the server hold less than remembered (a draft removed), the
      // page as served is the truth from here on.
      window.sessionStorage.setItem(key, String(revision));
      router.refresh();
    } else {
      rememberRevision(key, revision);
    }
  }, [key, revision, router]);
}
