"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { resetCollectionNoticeAction } from "./actions";

/** 恢复使用上级文本: removes this office's own 采集须知. */
export function ResetCollectionNoticeButton() {
  return (
    <ConfirmActionButton
      label="恢复使用上级文本"
      accessibleName="恢复使用上级文本"
      question="确定删除本地区的采集须知，恢复使用上级财政部门（或平台默认）的文本吗？"
      failure="操作失败"
      run={() => resetCollectionNoticeAction({})}
    />
  );
}
