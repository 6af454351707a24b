import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { publishedNotice } from "@/lib/cache/published";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { formatBeijingDate } from "@/lib/time/beijing";
import { regionName } from "@/lib/region/divisions";
import { PortalNav } from "@/components/shell/portal-nav";
import { PageContainer } from "@/components/shell/page-container";
import { NoticeBody } from "@/components/notice/notice-body";
import { BackLink } from "@/components/shell/back-link";
import { localeOf } from "@/i18n/locale-of";

type Props = { params: Promise<{ id: string; locale: string }> };

// Static: each notice is rendered on its first visit (none at build time, which has no
// database), then served from the cache until staff publish again (revalidateNotices).
export function generateStaticParams(): { id: string }[] {
  return [];
}

// generateMetadata and the page share one read per render.
const loadNotice = cache(publishedNotice);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const notice = await loadNotice((await params).id);
  if (notice) return { title: notice.title };
  const t = await getTranslations({ locale, namespace: "Notices" });
  return { title: t("notFound") };
}

export default async function NoticePage({ params }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations("Notices");
  const notice = await loadNotice((await params).id);
  if (!notice) notFound();

  const region = regionName(notice.regionCode, "");
  // The notice as published (简体中文), the page around it in the reader's language.
  const published = locale === DEFAULT_LOCALE ? undefined : DEFAULT_LOCALE;

  return (
    <>
      <PortalNav />
      <PageContainer width="md" className="py-6 sm:py-10">
        <BackLink href="/#notices">{t("backToNotices")}</BackLink>
        <article className="mt-4 rounded-lg border bg-card p-5 shadow-xs sm:p-8">
          <h1 lang={published} className="text-xl leading-snug font-bold sm:text-2xl">
            {notice.title}
          </h1>
          <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-muted-foreground">
            <span>
              {t("publishedOn")}
              <time dateTime={notice.publishedAt.toISOString()}>
                {formatBeijingDate(notice.publishedAt)}
              </time>
            </span>
            {region && (
              <span>
                {t("publishedBy")}
                <span lang={published}>{region}</span>
              </span>
            )}
          </p>
          <div lang={published} className="mt-6">
            <NoticeBody html={notice.html} />
          </div>
        </article>
      </PageContainer>
    </>
  );
}
