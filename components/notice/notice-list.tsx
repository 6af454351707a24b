import Link from "next/link";
import { ChevronRightIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { NoticeSummary } from "@/lib/notice/notices";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDate } from "@/lib/time/beijing";

/**
 * The portal's 通知公告 as a list: title, date and the publishing region (a city's notice is
 * public too, labelled with its city). `null` when the notices could not be read. The titles
 * and regions stay as published (简体中文), marked so on a page of another language.
 */
export function NoticeList({ notices }: { notices: NoticeSummary[] | null }) {
  const t = useTranslations("Notices");
  const published = useLocale() === DEFAULT_LOCALE ? undefined : DEFAULT_LOCALE;
  if (notices === null) {
    return <p className="px-4 py-6 text-muted-foreground sm:px-6">{t("unavailable")}</p>;
  }
  if (notices.length === 0)
    return <p className="px-4 py-6 text-muted-foreground sm:px-6">{t("none")}</p>;
  return (
    <ul className="divide-y">
      {notices.map((n) => (
        <li key={n.id}>
          <Link
            href={`/notices/${n.id}`}
            className="flex items-start gap-3 px-4 py-3 hover:bg-accent sm:items-center sm:px-6"
          >
            <span className="min-w-0 flex-1 sm:flex sm:items-center sm:gap-4">
              <span
                lang={published}
                className="block font-medium text-foreground sm:flex-1 sm:truncate"
              >
                {n.title}
              </span>
              <span className="mt-0.5 flex gap-3 text-sm text-muted-foreground sm:mt-0">
                <span lang={published}>{regionName(n.regionCode, "") ?? ""}</span>
                <time dateTime={n.publishedAt.toISOString()}>
                  {formatBeijingDate(n.publishedAt)}
                </time>
              </span>
            </span>
            <ChevronRightIcon
              className="mt-1 size-4 shrink-0 text-muted-foreground sm:mt-0"
              aria-hidden="true"
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}
