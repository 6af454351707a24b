import type { Metadata } from "next";
import { NoticeList } from "@/components/notice/notice-list";
import { PageContainer } from "@/components/shell/page-container";
import { PortalNav } from "@/components/shell/portal-nav";
import { loadPublicNotices } from "./load-notices";
import { BackLink } from "@/components/shell/back-link";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

export const metadata: Metadata = { title: "通知公告" };

// Static like the portal: rendered once, served from the cache until staff publish or withdraw a
// notice (revalidateNotices) or a minute has passed (a notice scheduled for later).

/** As many as the portal's read gives (lib/notice/notices.ts clamps to 100). */
const LIMIT = 100;

export default async function NoticesPage({ params }: { params: Promise<{ locale: string }> }) {
  await localeOf(params);
  const notices = await loadPublicNotices(LIMIT);
  return (
    <>
      <PortalNav />
      <Untranslated>
        <PageContainer width="md" className="py-6 sm:py-10">
          <BackLink href="/">返回首页</BackLink>
          <h1 className="mt-4 text-xl font-bold sm:text-2xl">通知公告</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            省、市、县（区）财政部门发布的公告，注明发布地区。
          </p>
          <div className="mt-4 rounded-lg border bg-card shadow-xs">
            <NoticeList notices={notices} />
          </div>
        </PageContainer>
      </Untranslated>
    </>
  );
}
