import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { isBuildPhase, renderAgainSoon } from "@/lib/cache/published";
import { configText, configTextLang } from "@/lib/i18n/config-text";
import { LOCALES } from "@/lib/i18n/locales";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ForVisitor } from "@/components/auth/for-visitor";
import { FooterHelp } from "@/components/help/footer-help";
import { PageContainer } from "@/components/shell/page-container";
import { ElderModeToggle } from "@/components/shell/elder-mode-toggle";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { ELDER_MODE_STYLESHEET } from "@/lib/ui/elder-mode";

type LocaleParams = { params: Promise<{ locale: string }> };

/** Every page is prerendered (or rendered) once per locale: the URL is the same in each. */
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "Shell" });
  const j = getJurisdiction();
  const platform = configText(locale, j.platformName);
  return {
    title: { template: `%s · ${platform}`, default: configText(locale, j.name) + platform },
    description: t("descriptionMeta", { label: configText(locale, j.label) }),
    applicationName: platform,
    formatDetection: { telephone: false, email: false, address: false },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1a4b8c",
  colorScheme: "light",
};

// Pages without request data (the portal, 通知公告, the login pages) are static: rendered once,
// then served from the cache, which lives in the server's memory (next.config.ts). What
// `next build` rendered had neither this instance's environment (the jurisdiction) nor its
// database, so it is rendered again on the first request (scripts/next-server.ts makes that
// request itself as `npm start` starts).
export default async function RootLayout({
  children,
  params,
}: Readonly<{ children: React.ReactNode } & LocaleParams>) {
  const locale = await localeOf(params);
  if (isBuildPhase()) await renderAgainSoon();
  const t = await getTranslations("Shell");
  const j = getJurisdiction();
  const configLang = configTextLang(locale);
  return (
    <html lang={locale}>
      <head>
        {/* 长辈模式: its rules when this device turned it on, empty otherwise (lib/ui/elder-mode.ts) */}
        <link rel="stylesheet" href={ELDER_MODE_STYLESHEET} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <ClientMessages>
          <a
            href="#main-content"
            className="sr-only z-50 rounded-md bg-background px-4 py-2 text-primary focus:not-sr-only focus:fixed focus:inline-flex focus:min-h-11 focus:items-center focus:top-2 focus:left-2"
          >
            {t("skipToContent")}
          </a>
          <header className="print:hidden border-b-4 border-destructive bg-primary text-primary-foreground">
            {/* The switch goes under the name when both do not fit: at 200 % text, in 长辈模式 */}
            <PageContainer className="flex min-h-16 flex-wrap items-center justify-between gap-3 py-3">
              <div className="flex min-w-0 flex-1 basis-48">
                <Link
                  href="/"
                  className="flex min-h-11 min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5 rounded-sm focus-visible:outline-primary-foreground"
                >
                  <span
                    lang={configLang}
                    className="rounded-sm border border-primary-foreground/70 px-1.5 py-0.5 text-sm leading-tight"
                  >
                    {configText(locale, j.name)}
                  </span>
                  <span
                    lang={configLang}
                    className="text-lg leading-tight font-bold tracking-wide sm:text-xl"
                  >
                    {configText(locale, j.platformName)}
                  </span>
                </Link>
              </div>
              <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
                <LanguageSwitcher />
                <ElderModeToggle />
              </div>
            </PageContainer>
          </header>
          <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <footer className="print:hidden mt-12 border-t bg-background text-sm text-muted-foreground">
            <PageContainer className="flex flex-col gap-1 py-6 sm:flex-row sm:flex-wrap sm:justify-between sm:gap-x-6">
              <p>{t("hostedBy", { host: configText(locale, j.hostOrganisation) })}</p>
              <p>{t("serves", { label: configText(locale, j.label) })}</p>
              <FooterHelp locale={locale} />
              <p>{t("browsers")}</p>
              <ForVisitor
                anonymous={
                  <p>
                    <Link href="/console/login" className="underline">
                      {t("staffLogin")}
                    </Link>
                  </p>
                }
                person={null}
              />
            </PageContainer>
          </footer>
        </ClientMessages>
      </body>
    </html>
  );
}
