"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { withdrawClaimAction } from "./actions";

/** 撤回 for one claim awaiting recognition. */
export function WithdrawButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmActionButton
      label="撤回"
      accessibleName={`撤回${title}`}
      question={`确定撤回“${title}”的学分申报吗？撤回后不再认定。`}
      failure="撤回失败"
      run={() => withdrawClaimAction({ id })}
    />
  );
}
