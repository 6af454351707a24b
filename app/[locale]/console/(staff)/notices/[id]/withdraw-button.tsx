"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { withdrawNoticeAction } from "../actions";

/** 撤回 a published notice: the portal stops showing it; it cannot be published again. */
export function WithdrawNoticeButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmActionButton
      label="撤回"
      accessibleName={`撤回公告：${title}`}
      question={`确定撤回“${title}”吗？撤回后门户网站不再显示，且不能再次发布。`}
      failure="撤回失败"
      run={() => withdrawNoticeAction({ id })}
    />
  );
}
