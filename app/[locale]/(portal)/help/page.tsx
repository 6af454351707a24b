import type { Metadata } from "next";
import { PhoneIcon } from "lucide-react";
import { ContactCard } from "@/components/help/contact-card";
import { FaqList } from "@/components/help/faq-list";
import { HotlineLink } from "@/components/help/hotline";
import { MyOffice } from "@/components/help/my-office";
import { PageContainer } from "@/components/shell/page-container";
import { PortalNav } from "@/components/shell/portal-nav";
import { CONTACTS_ANCHOR, faqGroups } from "@/lib/help/faq";
import { contactDirectory } from "@/lib/help/finance-contacts";
import { getCeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { getHelpHotline } from "@/lib/jurisdiction/help-hotline";
import { loadFinanceContacts } from "./load-contacts";
import { BackLink } from "@/components/shell/back-link";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

export const metadata: Metadata = { title: "帮助" };

// 帮助 (issue 13, item 6): 常见问题, the 咨询电话 and every finance office's contact. Static like
// the portal: rendered once, served from the cache until a 管理员 saves a contact
// (revalidateFinanceContacts) or a minute has passed. A logged-in accountant's own offices come
// first through the browser (MyOffice asks /help/my-office), so the page needs no request data.

export default async function HelpPage({ params }: { params: Promise<{ locale: string }> }) {
  await localeOf(params);
  const j = getJurisdiction();
  const hotline = getHelpHotline();
  const groups = faqGroups({
    workArea: j.workAreaLabel,
    excludedNames: j.excludedNames,
    ce: getCeThresholds(),
  });
  const contacts = await loadFinanceContacts();
  const directory = contacts && contactDirectory(contacts, j);

  return (
    <>
      <PortalNav />
      <Untranslated>
        <PageContainer width="lg" className="py-6 sm:py-10">
          <BackLink href="/">返回首页</BackLink>
          <h1 className="mt-2 text-2xl font-bold">帮助</h1>
          <p className="mt-2 text-base text-muted-foreground">
            办理中遇到问题，请先查看常见问题；仍未解决的，可以拨打咨询电话或联系所在地财政部门。
          </p>
          <ul aria-label="本页内容" className="mt-3 flex flex-wrap gap-x-6 text-base">
            <li>
              <a href="#faq" className="inline-flex min-h-11 items-center text-primary underline">
                常见问题
              </a>
            </li>
            <li>
              <a
                href="#hotline"
                className="inline-flex min-h-11 items-center text-primary underline"
              >
                咨询电话
              </a>
            </li>
            <li>
              <a
                href={`#${CONTACTS_ANCHOR}`}
                className="inline-flex min-h-11 items-center text-primary underline"
              >
                财政部门联系方式
              </a>
            </li>
          </ul>

          <section id="faq" aria-labelledby="faq-title" className="mt-8 scroll-mt-4">
            <h2 id="faq-title" className="mb-4 text-xl font-semibold">
              常见问题
            </h2>
            <FaqList groups={groups} />
          </section>

          <section id="hotline" aria-labelledby="hotline-title" className="mt-10 scroll-mt-4">
            <h2 id="hotline-title" className="mb-3 text-xl font-semibold">
              咨询电话
            </h2>
            <p className="flex flex-wrap items-center gap-x-3 text-base">
              <PhoneIcon className="size-5 text-primary" aria-hidden="true" />
              <span>{hotline.name}：</span>
              <HotlineLink
                hotline={hotline}
                className="inline-flex min-h-11 items-center text-xl font-bold text-primary underline underline-offset-4"
              />
              <span className="text-muted-foreground">（{hotline.hours}）</span>
            </p>
          </section>

          <section
            id={CONTACTS_ANCHOR}
            aria-labelledby="contacts-title"
            className="mt-10 scroll-mt-4 space-y-4"
          >
            <h2 id="contacts-title" className="text-xl font-semibold">
              财政部门联系方式
            </h2>
            <p className="text-base text-muted-foreground">
              证件信息更正、学分认定、账号申诉等业务由您所属地区的财政部门办理。各地联系方式由当地财政部门公布和维护。
            </p>
            <MyOffice />
            <ContactDirectory directory={directory} />
          </section>
        </PageContainer>
      </Untranslated>
    </>
  );
}

function ContactDirectory({
  directory,
}: {
  directory: ReturnType<typeof contactDirectory> | null;
}) {
  if (directory === null) {
    return <p className="text-base">联系方式暂时无法加载，请稍后刷新页面，或拨打咨询电话。</p>;
  }
  if (directory.length === 0) {
    return <p className="text-base">各地财政部门尚未在平台上公布联系方式，请拨打咨询电话。</p>;
  }
  return (
    <>
      <h3 className="text-lg font-semibold">各地财政部门</h3>
      <nav aria-label="按地区查找">
        <ul className="flex flex-wrap gap-x-4 text-base">
          {directory.map((g) => (
            <li key={g.code}>
              <a
                href={`#office-${g.code}`}
                className="inline-flex min-h-11 items-center text-primary underline"
              >
                {g.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {directory.map((g) => (
        <section
          key={g.code}
          id={`office-${g.code}`}
          aria-label={g.label}
          className="scroll-mt-4 space-y-2"
        >
          <h4 className="text-base font-semibold text-muted-foreground">{g.label}</h4>
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
