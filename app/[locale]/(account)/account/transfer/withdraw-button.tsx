"use client";

import { useTranslations } from "next-intl";
import { useTranslatedAction } from "@/components/account/use-translated-action";
import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { withdrawOutAction } from "./actions";

/** 撤回 of the open 调出申请 (用户操作手册 4.1: 调入地未接收，可操作“撤回”). */
export function WithdrawOutButton({ id, approved }: { id: string; approved: boolean }) {
  const t = useTranslations("AccountTransfer");
  const run = useTranslatedAction(() => withdrawOutAction({ id }));
  return (
    <ConfirmActionButton
      label={t("withdraw")}
      accessibleName={t("withdrawName")}
      question={approved ? t("withdrawApprovedQuestion") : t("withdrawPendingQuestion")}
      failure={t("withdrawFailed")}
      run={run}
    />
  );
}
