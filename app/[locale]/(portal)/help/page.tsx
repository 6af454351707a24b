import type { Metadata } from "next";
import { PhoneIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ContactCard } from "@/components/help/contact-card";
import { FaqList } from "@/components/help/faq-list";
import { HotlineLink } from "@/components/help/hotline";
import { MyOffice } from "@/components/help/my-office";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { PortalNav } from "@/components/shell/portal-nav";
import { CONTACTS_ANCHOR, faqGroups } from "@/lib/help/faq";
import { contactDirectory, type ContactDirectoryGroup } from "@/lib/help/finance-contacts";
import { configText, configTextLang } from "@/lib/i18n/config-text";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { getHelpHotline } from "@/lib/jurisdiction/help-hotline";
import { loadFinanceContacts } from "./load-contacts";
import { BackLink } from "@/components/shell/back-link";
import { localeOf } from "@/i18n/locale-of";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "HelpPage" });
  return { title: t("title") };
}

// 帮助 (issue 13, item 6): 常见问题, the 咨询电话 and every finance office's contact. Static like
// the portal: rendered once, served from the cache until a 管理员 saves a contact
// (revalidateFinanceContacts) or a minute has passed. A logged-in accountant's own offices come
// first through the browser (MyOffice asks /help/my-office), so the page needs no request data.
// The offices' names, addresses and hours stay as their staff entered them (简体中文).

export default async function HelpPage({ params }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations("HelpPage");
  const faq = await getTranslations("HelpFaq");
  const j = getJurisdiction();
  const hotline = getHelpHotline();
  const groups = faqGroups(
    {
      workArea: configText(locale, j.workAreaLabel),
      excludedNames: j.excludedNames.map((name) => configText(locale, name)),
      ce: getCeThresholds(),
    },
    faq,
  );
  const contacts = await loadFinanceContacts();
  const entered = locale === DEFAULT_LOCALE ? undefined : DEFAULT_LOCALE;
  // The jurisdiction's own office heads the list as "省级", a word of the page; the cities are
  // named as configured.
  const regions =
    contacts &&
    contactDirectory(contacts, j).map((g) =>
      g.code === j.code
        ? { ...g, label: t("provinceLevel"), lang: undefined }
        : { ...g, lang: entered },
    );

  return (
    <>
      <PortalNav />
      <PageContainer width="lg" className="py-6 sm:py-10">
        <BackLink href="/">{t("backHome")}</BackLink>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-base text-muted-foreground">{t("intro")}</p>
        <ul aria-label={t("contents")} className="mt-3 flex flex-wrap gap-x-6 text-base">
          <li>
            <a href="#faq" className="inline-flex min-h-11 items-center text-primary underline">
              {t("faq")}
            </a>
          </li>
          <li>
            <a href="#hotline" className="inline-flex min-h-11 items-center text-primary underline">
              {t("hotline")}
            </a>
          </li>
          <li>
            <a
              href={`#${CONTACTS_ANCHOR}`}
              className="inline-flex min-h-11 items-center text-primary underline"
            >
              {t("contacts")}
            </a>
          </li>
        </ul>

        <section id="faq" aria-labelledby="faq-title" className="mt-8 scroll-mt-4">
          <h2 id="faq-title" className="mb-4 text-xl font-semibold">
            {t("faq")}
          </h2>
          <ClientMessages namespaces={["HelpSearch"]}>
            <FaqList groups={groups} />
          </ClientMessages>
        </section>

        <section id="hotline" aria-labelledby="hotline-title" className="mt-10 scroll-mt-4">
          <h2 id="hotline-title" className="mb-3 text-xl font-semibold">
            {t("hotline")}
          </h2>
          <p className="flex flex-wrap items-center gap-x-3 text-base">
            <PhoneIcon className="size-5 text-primary" aria-hidden="true" />
            <span lang={configTextLang(locale)}>
              {t("hotlineName", { name: configText(locale, hotline.name) })}
            </span>
            <HotlineLink
              hotline={hotline}
              className="inline-flex min-h-11 items-center text-xl font-bold text-primary underline underline-offset-4"
            />
            <span lang={configTextLang(locale)} className="text-muted-foreground">
              {t("hotlineHours", { hours: configText(locale, hotline.hours) })}
            </span>
          </p>
        </section>

        <section
          id={CONTACTS_ANCHOR}
          aria-labelledby="contacts-title"
          className="mt-10 scroll-mt-4 space-y-4"
        >
          <h2 id="contacts-title" className="text-xl font-semibold">
            {t("contacts")}
          </h2>
          <p className="text-base text-muted-foreground">{t("contactsIntro")}</p>
          <ClientMessages namespaces={["HelpContacts"]}>
            <MyOffice />
          </ClientMessages>
          <ContactDirectory regions={regions} />
        </section>
      </PageContainer>
    </>
  );
}

function ContactDirectory({
  regions,
}: {
  regions: (ContactDirectoryGroup & { lang: string | undefined })[] | null;
}) {
  const t = useTranslations("HelpPage");
  if (regions === null) return <p className="text-base">{t("contactsUnavailable")}</p>;
  if (regions.length === 0) return <p className="text-base">{t("contactsNone")}</p>;
  return (
    <>
      <h3 className="text-lg font-semibold">{t("offices")}</h3>
      <nav aria-label={t("byRegion")}>
        <ul className="flex flex-wrap gap-x-4 text-base">
          {regions.map((g) => (
            <li key={g.code}>
              <a
                href={`#office-${g.code}`}
                lang={g.lang}
                className="inline-flex min-h-11 items-center text-primary underline"
              >
                {g.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {regions.map((g) => (
        <section
          key={g.code}
          id={`office-${g.code}`}
          aria-label={g.label}
          className="scroll-mt-4 space-y-2"
        >
          <h4 lang={g.lang} className="text-base font-semibold text-muted-foreground">
            {g.label}
          </h4>
          <div className="grid gap-3 md:grid-cols-2">
            {g.contacts.map((c) => (
              <ContactCard key={c.regionCode} contact={c} headingLevel="h5" />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
