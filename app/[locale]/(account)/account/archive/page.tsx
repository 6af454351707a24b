import { PHOTOS_PENDING } from "@/lib/collection/summary";
import { SummaryRows, SummarySectionBody } from "@/components/collection/summary-view";
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/auth/current-session";
import { ownArchive } from "@/lib/collection/archive-service";
import { registeredFactRows, summarizeRecord } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PrintableDocument } from "@/components/shell/printable-document";
import { PdfDownload } from "@/components/verification/pdf-download";
import { pdfRefusalMessage } from "@/lib/verification/issue-service";

export const metadata: Metadata = { title: "会计人员信息档案" };

// The archive as a document to read and print. Everything comes from the version's snapshot,
// never the live draft or person row: the paper must show what was archived. The bordered,
// unrounded look is the paper form's; `print:` variants drop colours and the page chrome.

export default async function ArchivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const person = await requireSession("/account/archive");
  const archive = await ownArchive(db, person.personId);
  if (!archive) {
    return (
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1>会计人员信息档案</h1>
          </CardTitle>
          <CardDescription>您尚未完成信息采集，完成后即可在此查看并打印档案。</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild>
            <Link href="/account/collection">前往信息采集</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

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
      title="会计人员信息档案"
      toolbar={
        <div className="space-y-2">
          <p className="text-sm text-muted-foreground">如需修改档案信息，请通过“信息变更”办理。</p>
          <PdfDownload
            action="/account/archive/pdf"
            refusal={pdfRefusalMessage((await searchParams).pdf)}
          />
        </div>
      }
      header={
        <dl className="flex flex-wrap justify-center gap-x-6 gap-y-1 text-sm">
          <Meta label="档案编号" value={archive.archiveNumber} />
          <Meta label="版本" value={`第${archive.version}版`} />
          <Meta label="采集时间" value={formatBeijingDateTime(archive.collectedAt)} />
        </dl>
      }
    >
      <section aria-labelledby="archive-person" className="space-y-3">
        <h2 id="archive-person" className="text-lg font-semibold">
          基本信息
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
                alt="本人免冠证件照"
                className="row-start-1 aspect-[5/7] w-28 justify-self-center border object-contain sm:row-start-auto sm:w-32 print:row-start-auto"
              />
            </>
          ) : (
            <p className="row-start-1 aspect-[5/7] w-28 justify-self-center border object-contain sm:row-start-auto sm:w-32 print:row-start-auto grid place-items-center text-sm text-muted-foreground">
              {PHOTOS_PENDING}
            </p>
          )}
        </div>
      </section>

      {sections.map((s) => (
        <section key={s.step} aria-labelledby={`archive-${s.step}`} className="space-y-3">
          <h2 id={`archive-${s.step}`} className="text-lg font-semibold">
            {s.title}
          </h2>
          <SummarySectionBody section={s} variant="paper" skipAttachmentId={headshotId} />
        </section>
      ))}
    </PrintableDocument>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-muted-foreground print:text-foreground">{label}：</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
