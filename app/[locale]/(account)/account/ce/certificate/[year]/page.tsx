import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { ceOverview } from "@/lib/ce/overview";
import { countsAsEarned } from "@/lib/codes/ce-record-state";
import { currentArchive } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { beijingToday } from "@/lib/time/beijing";
import { PrintableDocument } from "@/components/shell/printable-document";
import { credits, thresholdsText } from "@/components/ce/ce-text";
import { PdfDownload } from "@/components/verification/pdf-download";
import { pdfRefusalMessage } from "@/lib/verification/issue-service";

export const metadata: Metadata = { title: "继续教育学分证明" };

// 继续教育学分证明 of one year, for print: only a 已完成 year has one. It lists the credits that
// count (finished courses, recognised claims) — never claims awaiting recognition. The bordered,
// unrounded look and the print: variants follow the printable archive.

function chineseDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export default async function CertificatePage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { year: raw } = await params;
  const session = await requireSession(`/account/ce`);
  const back = (
    <Link href="/account/ce" className="text-sm text-primary underline print:hidden">
      返回继续教育
    </Link>
  );
  const refuse = (message: string) => (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">继续教育学分证明</h1>
      <Alert variant="destructive" role="alert">
        <AlertDescription>{message}</AlertDescription>
      </Alert>
      {back}
    </div>
  );

  const archive = await currentArchive(db, session.personId);
  if (!archive) return refuse("您尚未完成信息采集，没有继续教育学分证明。");
  const overview = await ceOverview(db, session.personId);
  const year = /^\d{4}$/.test(raw) ? overview.years.find((y) => y.year === Number(raw)) : undefined;
  if (!year) return refuse(`没有${/^\d{4}$/.test(raw) ? `${raw}年度的` : ""}继续教育记录。`);
  if (!year.certificateAvailable) {
    return refuse(
      `${year.year}年度继续教育状态为“${year.stateLabel}”，达到年度学分要求（已完成）后才能打印学分证明。`,
    );
  }

  const jurisdiction = getJurisdiction();
  const { person } = archive.snapshot;
  const counted = year.records.filter((r) => countsAsEarned(r.state));
  const categories = [
    { label: "公需科目", required: year.required.public, earned: year.earned.public },
    { label: "专业科目", required: year.required.professional, earned: year.earned.professional },
    { label: "合计", required: year.required.total, earned: year.earned.total },
  ];
  const cell = "border px-2 py-1.5 align-top";

  return (
    <PrintableDocument
      titleId="certificate-title"
      title="继续教育学分证明"
      toolbar={
        <div className="space-y-2">
          {back}
          <PdfDownload
            action={`/account/ce/certificate/${year.year}/pdf`}
            refusal={pdfRefusalMessage((await searchParams).pdf)}
          />
        </div>
      }
      header={<p className="text-sm">{year.year}年度</p>}
    >
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_1fr] print:grid-cols-[7rem_1fr]">
        <dt className="text-muted-foreground print:text-foreground">姓名</dt>
        <dd className="font-medium wrap-anywhere">{person.name}</dd>
        <dt className="text-muted-foreground print:text-foreground">证件号码</dt>
        <dd className="wrap-anywhere">{person.idNumberMasked}</dd>
        <dt className="text-muted-foreground print:text-foreground">档案编号</dt>
        <dd className="wrap-anywhere">{archive.archiveNumber}</dd>
        <dt className="text-muted-foreground print:text-foreground">学分年度</dt>
        <dd>{year.year}年度</dd>
      </dl>

      <p className="text-sm leading-relaxed">
        兹证明{person.name}
        {year.year}
        年度继续教育已取得学分{credits(year.earned.total)}
        学分，达到年度学分要求，状态为“已完成”。
      </p>

      <section aria-labelledby="certificate-credits" className="space-y-2">
        <h2 id="certificate-credits" className="font-semibold">
          学分情况
        </h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="bg-muted/50 print:bg-transparent">
              <th scope="col" className={`${cell} text-left`}>
                科目类别
              </th>
              <th scope="col" className={`${cell} text-right`}>
                要求学分
              </th>
              <th scope="col" className={`${cell} text-right`}>
                取得学分
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
          {thresholdsText(jurisdiction.name, overview.thresholds)}。
        </p>
      </section>

      <section aria-labelledby="certificate-records" className="space-y-2">
        <h2 id="certificate-records" className="font-semibold">
          计入学分的记录
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
                序号
              </th>
              <th scope="col" className={`${cell} text-left`}>
                名称及来源
              </th>
              <th scope="col" className={`${cell} text-left`}>
                类别
              </th>
              <th scope="col" className={`${cell} text-right`}>
                学分
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
                    {r.kindLabel}（{r.stateLabel}）
                  </span>
                </td>
                <td className={cell}>{r.categoryLabel}</td>
                <td className={`${cell} text-right`}>{credits(r.credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <footer className="space-y-1 pt-4 text-right text-sm">
        <p>{jurisdiction.hostOrganisation}</p>
        <p>{jurisdiction.platformName}</p>
        <p>打印日期：{chineseDate(beijingToday())}</p>
      </footer>
    </PrintableDocument>
  );
}
