import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { ceOverview } from "@/lib/ce/overview";
import { countsAsEarned } from "@/lib/codes/ce-record-state";
import { currentArchive } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { configText } from "@/lib/i18n/config-text";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { localeOf } from "@/i18n/locale-of";
import { beijingToday } from "@/lib/time/beijing";
import { PrintableDocument } from "@/components/shell/printable-document";
import { credits, thresholdValues } from "@/components/ce/ce-text";
import { PdfDownload } from "@/components/verification/pdf-download";
import { pdfRefusalMessage } from "@/lib/verification/issue-service";

type Props = {
  params: Promise<{ locale: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "CeCertificate" });
  return { title: t("title") };
}

// 继续教育学分证明 of one year, for print: only a 已完成 year has one. It lists the credits that
// count (finished courses, recognised claims) — never claims awaiting recognition. The bordered,
// unrounded look and the print: variants follow the printable archive. The page is in the
// reader's language; the PDF (pdf/route.ts) is the official document and stays in Chinese.

function chineseDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export default async function CertificatePage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { year: raw } = await params;
  const session = await requireSession(`/account/ce`);
  const [t, ce, years, auth, sourceText] = await Promise.all([
    getTranslations("CeCertificate"),
    getTranslations("Ce"),
    getTranslations("CeYears"),
    getTranslations("Auth"),
    getSourceText(),
  ]);
  const back = (
    <Link href="/account/ce" className="text-sm text-primary underline print:hidden">
      {ce("back")}
    </Link>
  );
  const refuse = (message: string) => (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Alert variant="destructive" role="alert">
        <AlertDescription>{message}</AlertDescription>
      </Alert>
      {back}
    </div>
  );

  const archive = await currentArchive(db, session.personId);
  if (!archive) return refuse(t("notCollected"));
  const overview = await ceOverview(db, session.personId);
  const isYear = /^\d{4}$/.test(raw);
  const year = isYear ? overview.years.find((y) => y.year === Number(raw)) : undefined;
  if (!year) return refuse(isYear ? t("noYear", { year: raw }) : t("noRecords"));
  const yearText = String(year.year);
  if (!year.certificateAvailable) {
    return refuse(t("notComplete", { year: yearText, state: sourceText(year.stateLabel) }));
  }

  const jurisdiction = getJurisdiction();
  const { person } = archive.snapshot;
  const counted = year.records.filter((r) => countsAsEarned(r.state));
  const categories = [
    { label: years("public"), required: year.required.public, earned: year.earned.public },
    {
      label: years("professional"),
      required: year.required.professional,
      earned: year.earned.professional,
    },
    { label: years("total"), required: year.required.total, earned: year.earned.total },
  ];
  const today = beijingToday();
  const cell = "border px-2 py-1.5 align-top";
  const translated = (message: string | null) => message && sourceText(message);

  return (
    <PrintableDocument
      titleId="certificate-title"
      title={t("title")}
      toolbar={
        <div className="space-y-2">
          {back}
          <PdfDownload
            action={`/account/ce/certificate/${year.year}/pdf`}
            refusal={translated(pdfRefusalMessage((await searchParams).pdf))}
          />
        </div>
      }
      header={<p className="text-sm">{t("year", { year: yearText })}</p>}
    >
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_1fr] print:grid-cols-[7rem_1fr]">
        <dt className="text-muted-foreground print:text-foreground">{t("name")}</dt>
        <dd className="font-medium wrap-anywhere">{person.name}</dd>
        <dt className="text-muted-foreground print:text-foreground">{auth("idNumber")}</dt>
        <dd className="wrap-anywhere">{person.idNumberMasked}</dd>
        <dt className="text-muted-foreground print:text-foreground">{t("archiveNumber")}</dt>
        <dd className="wrap-anywhere">{archive.archiveNumber}</dd>
        <dt className="text-muted-foreground print:text-foreground">{t("creditYear")}</dt>
        <dd>{t("year", { year: yearText })}</dd>
      </dl>

      <p className="text-sm leading-relaxed">
        {t("statement", {
          name: person.name,
          year: yearText,
          credits: credits(year.earned.total),
        })}
      </p>

      <section aria-labelledby="certificate-credits" className="space-y-2">
        <h2 id="certificate-credits" className="font-semibold">
          {t("creditsHeading")}
        </h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="bg-muted/50 print:bg-transparent">
              <th scope="col" className={`${cell} text-left`}>
                {t("category")}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t("required")}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t("earned")}
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.label}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {c.label}
                </th>
                <td className={`${cell} text-right`}>{credits(c.required)}</td>
                <td className={`${cell} text-right`}>{credits(c.earned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-xs text-muted-foreground print:text-foreground">
          {t("thresholds", {
            thresholds: ce(
              "thresholds",
              thresholdValues(configText(locale, jurisdiction.name), overview.thresholds),
            ),
          })}
        </p>
      </section>

      <section aria-labelledby="certificate-records" className="space-y-2">
        <h2 id="certificate-records" className="font-semibold">
          {t("recordsHeading")}
        </h2>
        <table className="w-full table-fixed border-collapse text-sm">
          <colgroup>
            <col className="w-12" />
            <col />
            <col className="w-20" />
            <col className="w-14" />
          </colgroup>
          <thead>
            <tr className="bg-muted/50 print:bg-transparent">
              <th scope="col" className={`${cell} text-left`}>
                {t("number")}
              </th>
              <th scope="col" className={`${cell} text-left`}>
                {t("nameAndSource")}
              </th>
              <th scope="col" className={`${cell} text-left`}>
                {t("recordCategory")}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t("credits")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counted.map((r, i) => (
              <tr key={r.id} className="break-inside-avoid">
                <td className={cell}>{i + 1}</td>
                <td className={`${cell} wrap-anywhere`}>
                  <span className="block">{r.title}</span>
                  <span className="block text-xs text-muted-foreground print:text-foreground">
                    {t("recordDetail", {
                      kind: sourceText(r.kindLabel),
                      state: sourceText(r.stateLabel),
                    })}
                  </span>
                </td>
                <td className={cell}>{sourceText(r.categoryLabel)}</td>
                <td className={`${cell} text-right`}>{credits(r.credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <footer className="space-y-1 pt-4 text-right text-sm">
        <p>{configText(locale, jurisdiction.hostOrganisation)}</p>
        <p>{configText(locale, jurisdiction.platformName)}</p>
        <p>{t("printDate", { date: locale === "en" ? today : chineseDate(today) })}</p>
      </footer>
    </PrintableDocument>
  );
}
