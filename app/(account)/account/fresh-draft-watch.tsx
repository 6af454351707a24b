"use client";

import { useFreshDraft } from "./collection/fresh-draft";

/**
 * 个人中心's collection card, brought back by the browser's Back button after a step save, may
 * show the draft as it was; like the wizard's pages, it then fetches itself again.
 */
export function FreshDraftWatch({
  revisionKey,
  revision,
}: {
  revisionKey: string;
  revision: number;
}) {
  useFreshDraft(revisionKey, revision);
  return null;
}
