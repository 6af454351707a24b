"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { withdrawOutAction } from "./actions";

/** 撤回 of the open 调出申请 (用户操作手册 4.1: 调入地未接收，可操作“撤回”). */
export function WithdrawOutButton({ id, approved }: { id: string; approved: boolean }) {
  return (
    <ConfirmActionButton
      label="撤回"
      accessibleName="撤回调出申请"
      question={
        approved
          ? "确定撤回调出申请吗？将通知全国平台撤回；如调入地已先接收，则调转照常完成。"
          : "确定撤回调出申请吗？撤回后“信息变更”和“继续教育”恢复可用，可以重新申请。"
      }
      failure="撤回失败"
      run={() => withdrawOutAction({ id })}
    />
  );
}
