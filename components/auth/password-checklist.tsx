"use client";

import { Check, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSourceText } from "@/components/i18n/use-source-text";
import { checkPassword, type PasswordContext } from "@/lib/account/password-policy";

/** The password rules with their state, updated as the user types. */
export function PasswordChecklist({
  password,
  context,
  id,
}: {
  password: string;
  context: PasswordContext;
  id?: string;
}) {
  const t = useTranslations("Auth");
  const sourceText = useSourceText();
  const rules = checkPassword(password, context);
  return (
    <ul
      id={id}
      className="mt-2 space-y-1 text-sm"
      aria-live="polite"
      aria-label={t("passwordRules")}
    >
      {rules.map((r) => (
        <li
          key={r.id}
          className={
            r.ok
              ? "flex items-center gap-1.5 text-green-700"
              : "flex items-center gap-1.5 text-muted-foreground"
          }
        >
          {r.ok ? <Check className="size-4" aria-hidden /> : <X className="size-4" aria-hidden />}
          <span>{sourceText(r.label)}</span>
          <span className="sr-only">{r.ok ? t("ruleMet") : t("ruleUnmet")}</span>
        </li>
      ))}
    </ul>
  );
}
