import { useTranslations } from "next-intl";
/**
 * "还有 N 处需要修改" after a refused submit, while any field is still marked: focus has gone to
 * the first of them, and this says how many there are. Keyed by the refusal, so a second refused
 * submit is announced again even when the count is the same.
 */
export function InvalidSummary({
  form,
  extra = 0,
}: {
  form: { attempt: number; invalidCount: number };
  /** Marked fields the form's own errors do not hold (a captcha kept beside the form). */
  extra?: number;
}) {
  const t = useTranslations("Auth");
  const count = form.invalidCount + extra;
  if (form.attempt === 0 || count === 0) return null;
  return (
    <p key={form.attempt} role="alert" className="text-sm text-destructive">
      {t("stillToFix", { count })}
    </p>
  );
}
