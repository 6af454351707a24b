import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { SummaryRows, SummarySectionBody } from "@/components/collection/summary-view";
import { requireSession } from "@/lib/auth/current-session";
import { ownArchive } from "@/lib/collection/archive-service";
import { PHOTOS_PENDING, registeredFactRows, summarizeRecord } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PrintableDocument } from "@/components/shell/printable-document";
import { PdfDownload } from "@/components/verification/pdf-download";
import { pdfRefusalMessage } from "@/lib/verification/issue-service";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountArchive" });
  return { title: t("title") };
}

// The archive as a document to read and print. Everything comes from the version's snapshot,
// never the live draft or person row: the paper must show what was archived. The bordered,
// unrounded look is the paper form's; `print:` variants drop colours and the page chrome.
// In English the frame is translated; the archive's own wording is the domain's and the PDF stays
// Chinese (an official document).

export default async function ArchivePage({ params, searchParams }: Props) {
  await localeOf(params);
  const person = await requireSession("/account/archive");
  const [archive, t, sourceText] = await Promise.all([
    ownArchive(db, person.personId),
    getTranslations("AccountArchive"),
    getSourceText(),
  ]);
  if (!archive) {
    return (
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1>{t("title")}</h1>
          </CardTitle>
          <CardDescription>{t("notCollected")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild>
            <Link href="/account/collection">{t("toCollection")}</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  const refusal = pdfRefusalMessage((await searchParams).pdf);
  const { snapshot } = archive;
  const headshotId = snapshot.personal.headshotId;
  // The header shows the registered facts beside the photo, so 个人信息 leaves them out.
  const sections = summarizeRecord(snapshot, {
    regionLabel: (code) => regionName(code) ?? code,
    omitRegisteredFacts: true,
  });

  return (
    <PrintableDocument
      titleId="archive-title"
      title={t("title")}
      toolbar={
        <div className="space-y-2">
          <p className="text-sm text-muted-foreground">{t("changeHint")}</p>
          <PdfDownload action="/account/archive/pdf" refusal={refusal && sourceText(refusal)} />
        </div>
      }
      header={
        <dl className="flex flex-wrap justify-center gap-x-6 gap-y-1 text-sm">
          <Meta label={t("archiveNumber")} value={archive.archiveNumber} />
          <Meta label={t("version")} value={t("versionN", { version: archive.version })} />
          <Meta label={t("collectedAt")} value={formatBeijingDateTime(archive.collectedAt)} />
        </dl>
      }
    >
      <section aria-labelledby="archive-person" className="space-y-3">
        <h2 id="archive-person" className="text-lg font-semibold">
          {t("basic")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem] print:grid-cols-[1fr_8rem]">
          <SummaryRows
            rows={registeredFactRows(snapshot.person, snapshot.personal)}
            variant="paper"
          />
          {headshotId ? (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated route serves the upload; next/image would fetch it without the session */}
              <img
                src={`/api/attachments/${headshotId}`}
                alt={t("headshot")}
                className="row-start-1 aspect-[5/7] w-28 justify-self-center border object-contain sm:row-start-auto sm:w-32 print:row-start-auto"
              />
            </>
          ) : (
            <p className="row-start-1 aspect-[5/7] w-28 justify-self-center border object-contain sm:row-start-auto sm:w-32 print:row-start-auto grid place-items-center text-sm text-muted-foreground">
              {sourceText(PHOTOS_PENDING)}
            </p>
          )}
        </div>
      </section>

      {sections.map((s) => (
        <section key={s.step} aria-labelledby={`archive-${s.step}`} className="space-y-3">
          <h2 id={`archive-${s.step}`} className="text-lg font-semibold">
            {sourceText(s.title)}
          </h2>
          <SummarySectionBody section={s} variant="paper" skipAttachmentId={headshotId} />
        </section>
      ))}
    </PrintableDocument>
  );
}

/** `label` with its colon, as the language writes it ("档案编号：", "Archive number:"). */
function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-muted-foreground print:text-foreground">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
