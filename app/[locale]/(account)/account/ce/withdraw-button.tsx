"use client";

import { useTranslations } from "next-intl";
import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { useSourceText } from "@/components/i18n/use-source-text";
import { withdrawClaimAction } from "./actions";

/** 撤回 for one claim awaiting recognition. */
export function WithdrawButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("CeWithdraw");
  const sourceText = useSourceText();
  return (
    <ConfirmActionButton
      label={t("label")}
      accessibleName={t("name", { title })}
      question={t("question", { title })}
      failure={t("failure")}
      run={async () => {
        // The refusal (already reviewed, the transfer lock) in the reader's language.
        const r = await withdrawClaimAction({ id });
        return r.ok || !r.formError ? r : { ...r, formError: sourceText(r.formError) };
      }}
    />
  );
}
