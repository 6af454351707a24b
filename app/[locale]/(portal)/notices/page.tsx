import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticeList } from "@/components/notice/notice-list";
import { PageContainer } from "@/components/shell/page-container";
import { PortalNav } from "@/components/shell/portal-nav";
import { loadPublicNotices } from "./load-notices";
import { BackLink } from "@/components/shell/back-link";
import { localeOf } from "@/i18n/locale-of";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "Notices" });
  return { title: t("title") };
}

// Static like the portal: rendered once, served from the cache until staff publish or withdraw a
// notice (revalidateNotices) or a minute has passed (a notice scheduled for later). The notices
// stay as published; only the page around them is in the reader's language.

/** As many as the portal's read gives (lib/notice/notices.ts clamps to 100). */
const LIMIT = 100;

export default async function NoticesPage({ params }: Props) {
  await localeOf(params);
  const t = await getTranslations("Notices");
  const notices = await loadPublicNotices(LIMIT);
  return (
    <>
      <PortalNav />
      <PageContainer width="md" className="py-6 sm:py-10">
        <BackLink href="/">{t("backHome")}</BackLink>
        <h1 className="mt-4 text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
        <div className="mt-4 rounded-lg border bg-card shadow-xs">
          <NoticeList notices={notices} />
        </div>
      </PageContainer>
    </>
  );
}
