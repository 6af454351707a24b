import Link from "next/link";
import {
  ArrowLeftRightIcon,
  FilePenLineIcon,
  ShieldCheckIcon,
  UserPlusIcon,
  type LucideIcon,
} from "lucide-react";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { configText } from "@/lib/i18n/config-text";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { loadPublicNotices } from "@/app/[locale]/(portal)/notices/load-notices";
import { NoticeList } from "@/components/notice/notice-list";
import { ForVisitor } from "@/components/auth/for-visitor";
import { PortalNav } from "@/components/shell/portal-nav";
import { PageContainer } from "@/components/shell/page-container";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

// Static: rendered once, served from the cache until staff publish a notice
// (lib/cache/published.ts: revalidateNotices) or a minute has passed.

/** The steps of 信息采集, by their message keys (Home.guide<Step>Title / Text). */
const GUIDE = ["Register", "Login", "Notice", "Fill", "Submit"] as const;

function ServiceCard({
  icon: Icon,
  title,
  description,
  children,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h3 className="flex items-center gap-2">
            <Icon className="size-5 text-primary" aria-hidden="true" />
            {title}
          </h3>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardFooter className="mt-auto">{children}</CardFooter>
    </Card>
  );
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await localeOf(params);
  const t = await getTranslations("Home");
  const j = getJurisdiction();
  const notices = await loadPublicNotices(8);
  const label = configText(locale, j.label);
  const elsewhere = configText(locale, j.excludedNames.join("、"));

  return (
    <>
      <PortalNav />

      <section aria-labelledby="hero-title" className="border-b bg-background">
        <PageContainer className="py-8 sm:py-12">
          <h1 id="hero-title" className="text-2xl leading-tight font-bold text-primary sm:text-3xl">
            {configText(locale, j.name + j.platformName)}
          </h1>
          <p className="mt-3 max-w-3xl text-base leading-relaxed sm:text-lg">
            {t("intro", { label })}
          </p>
          <p className="mt-2 max-w-3xl text-sm leading-relaxed text-muted-foreground">
            {t("who", { label })}
            {elsewhere && t("elsewhere", { places: elsewhere })}
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ForVisitor
              anonymous={
                <>
                  <Button asChild size="lg">
                    <Link href="/login">{t("loginToStart")}</Link>
                  </Button>
                  <Button asChild size="lg" variant="outline">
                    <Link href="/register">{t("register")}</Link>
                  </Button>
                </>
              }
              person={
                <Button asChild size="lg">
                  <Link href="/account">{t("personHome")}</Link>
                </Button>
              }
            />
          </div>
        </PageContainer>
      </section>

      <PageContainer className="grid gap-10 py-8 sm:py-10">
        <section id="services" aria-labelledby="services-title">
          <h2 id="services-title" className="text-xl font-semibold">
            {t("services")}
          </h2>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <ServiceCard
              icon={UserPlusIcon}
              title={t("collectionTitle")}
              description={t("collectionText")}
            >
              <ForVisitor
                anonymous={
                  <>
                    <Button asChild>
                      <Link href="/login">{t("login")}</Link>
                    </Button>
                    <Button asChild variant="outline">
                      <Link href="/register">{t("register")}</Link>
                    </Button>
                  </>
                }
                person={
                  <Button asChild>
                    <Link href="/account/collection">{t("collectionGo")}</Link>
                  </Button>
                }
              />
            </ServiceCard>
            <ServiceCard
              icon={FilePenLineIcon}
              title={t("changeTitle")}
              description={t("changeText")}
            >
              <ForVisitor
                anonymous={
                  <Button asChild>
                    <Link href="/login">{t("loginFirst")}</Link>
                  </Button>
                }
                person={
                  <Button asChild>
                    <Link href="/account/change">{t("changeGo")}</Link>
                  </Button>
                }
              />
            </ServiceCard>
            <ServiceCard
              icon={ArrowLeftRightIcon}
              title={t("transferTitle")}
              description={t("transferText")}
            >
              <Button asChild>
                <Link href="/transfer-in">{t("transferIn")}</Link>
              </Button>
              <ForVisitor
                anonymous={
                  <Button asChild variant="outline">
                    <Link href="/login?next=/account/transfer">{t("transferOut")}</Link>
                  </Button>
                }
                person={
                  <Button asChild variant="outline">
                    <Link href="/account/transfer">{t("transferOut")}</Link>
                  </Button>
                }
              />
            </ServiceCard>
            <ServiceCard
              icon={ShieldCheckIcon}
              title={t("verifyTitle")}
              description={t("verifyText")}
            >
              <Button asChild>
                <Link href="/verify">{t("verifyGo")}</Link>
              </Button>
            </ServiceCard>
          </div>
        </section>

        <section id="notices" aria-labelledby="notices-title">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="notices-title" className="text-xl font-semibold">
              {t("notices")}
            </h2>
            <Link href="/notices" className="text-sm text-primary hover:underline">
              {t("moreNotices")}
            </Link>
          </div>
          <div className="mt-4 rounded-lg border bg-card shadow-xs">
            <NoticeList notices={notices} />
          </div>
        </section>

        <section id="guide" aria-labelledby="guide-title">
          <h2 id="guide-title" className="text-xl font-semibold">
            {t("guide")}
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">{t("guideFlow")}</p>
          <ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {GUIDE.map((step, i) => (
              <li
                key={step}
                className="flex gap-3 rounded-lg border bg-card p-4 shadow-xs lg:flex-col"
              >
                <span
                  aria-hidden="true"
                  className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-semibold text-primary-foreground"
                >
                  {i + 1}
                </span>
                <span>
                  <span className="block font-semibold">
                    <span className="sr-only">{t("guideStep", { n: i + 1 })}</span>
                    {t(`guide${step}Title`)}
                  </span>
                  <span className="mt-1 block text-sm leading-relaxed text-muted-foreground">
                    {t(`guide${step}Text`)}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      </PageContainer>
    </>
  );
}
