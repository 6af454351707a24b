import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publishedNotice } from "@/lib/cache/published";
import { formatBeijingDate } from "@/lib/time/beijing";
import { regionName } from "@/lib/region/divisions";
import { PortalNav } from "@/components/shell/portal-nav";
import { PageContainer } from "@/components/shell/page-container";
import { NoticeBody } from "@/components/notice/notice-body";
import { BackLink } from "@/components/shell/back-link";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

type Props = { params: Promise<{ id: string; locale: string }> };

// Static: each notice is rendered on its first visit (none at build time, which has no
// database), then served from the cache until staff publish again (revalidateNotices).
export function generateStaticParams(): { id: string }[] {
  return [];
}

// generateMetadata and the page share one read per render.
const loadNotice = cache(publishedNotice);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const notice = await loadNotice((await params).id);
  return { title: notice ? notice.title : "公告不存在" };
}

export default async function NoticePage({ params }: Props) {
  await localeOf(params);
  const notice = await loadNotice((await params).id);
  if (!notice) notFound();

  const region = regionName(notice.regionCode, "");

  return (
    <>
      <PortalNav />
      <Untranslated>
        <PageContainer width="md" className="py-6 sm:py-10">
          <BackLink href="/#notices">返回通知公告</BackLink>
          <article className="mt-4 rounded-lg border bg-card p-5 shadow-xs sm:p-8">
            <h1 className="text-xl leading-snug font-bold sm:text-2xl">{notice.title}</h1>
            <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-muted-foreground">
              <span>
                发布日期：
                <time dateTime={notice.publishedAt.toISOString()}>
                  {formatBeijingDate(notice.publishedAt)}
                </time>
              </span>
              {region && <span>发布地区：{region}</span>}
            </p>
            <NoticeBody html={notice.html} className="mt-6" />
          </article>
        </PageContainer>
      </Untranslated>
    </>
  );
}
