"use client";

import { useTranslations } from "next-intl";
import { useTranslatedAction } from "@/components/account/use-translated-action";
import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { changeItemAction } from "./actions";
import { withPageOwner } from "@/components/session/session-events";

/** 删除 for one list entry: saved as a change like any other (a new archive version). */
export function DeleteEntryButton({
  step,
  list,
  index,
  label,
  baseVersion,
}: {
  step: string;
  list: string;
  index: number;
  label: string;
  baseVersion: number;
}) {
  const t = useTranslations("AccountChange");
  const run = useTranslatedAction(() =>
    changeItemAction(withPageOwner({ ref: { step, list, index }, data: null, baseVersion })),
  );
  return (
    <ConfirmActionButton
      label={t("delete")}
      accessibleName={t("deleteNamed", { name: label })}
      question={t("deleteQuestion", { name: label })}
      failure={t("deleteFailed")}
      run={run}
    />
  );
}
