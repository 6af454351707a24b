import Link from "next/link";
import { useTranslations } from "next-intl";
import { CONTACTS_ANCHOR } from "@/lib/help/faq";

/**
 * Where a page says to contact the finance department, this says how: 帮助's 财政部门联系方式
 * shows the office of the person's own region first (its phone, address and hours).
 */
export function MyOfficeLink() {
  const t = useTranslations("Common");
  return (
    <Link
      href={`/help#${CONTACTS_ANCHOR}`}
      className="inline-flex min-h-11 items-center text-sm text-primary underline"
    >
      {t("myOffice")}
    </Link>
  );
}
