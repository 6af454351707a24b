import { currentSession } from "@/lib/auth/current-session";
import { countsAsEarned } from "@/lib/codes/ce-record-state";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { buildCeCertificatePdf } from "@/lib/pdf/ce-certificate-pdf";
import { pdfResponse, seeOther } from "@/lib/pdf/pdf-response";
import { issueCeCertificateCode } from "@/lib/verification/issue-service";
import { printedVerification } from "@/lib/verification/printed-verification";
import { credits, thresholdsText } from "@/components/ce/ce-text";

export const dynamic = "force-dynamic";

/**
 * A year's 学分证明 as a PDF with a new 核验码 (POST for the same reasons as 我的档案's): the
 * same words as the printable page, from the logged-in person's own record only.
 */
export async function POST(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: raw } = await params;
  const page = `/account/ce/certificate/${encodeURIComponent(raw)}`;
  const person = await currentSession();
  if (!person) return seeOther(`/login?next=${encodeURIComponent(page)}`);
  if (!/^\d{4}$/.test(raw)) return seeOther(page);
  const r = await issueCeCertificateCode(
    db,
    clientInfoFromHeaders(request.headers),
    person,
    Number(raw),
  );
  if (!r.ok) return seeOther(`${page}?pdf=${r.reason}`);

  const { archive, year } = r;
  const { name, idNumberMasked } = archive.snapshot.person;
  const jurisdiction = getJurisdiction();
  const pdf = await buildCeCertificatePdf({
    year: year.year,
    name,
    idNumberMasked,
    archiveNumber: archive.archiveNumber,
    version: archive.version,
    statement: `兹证明${name}${year.year}年度继续教育已取得学分${credits(year.earned.total)}学分，达到年度学分要求，状态为“已完成”。`,
    categories: [
      { label: "公需科目", required: year.required.public, earned: year.earned.public },
      { label: "专业科目", required: year.required.professional, earned: year.earned.professional },
      { label: "合计", required: year.required.total, earned: year.earned.total },
    ].map((c) => ({ label: c.label, required: credits(c.required), earned: credits(c.earned) })),
    thresholds: `${thresholdsText(jurisdiction.name, r.overview.thresholds)}。`,
    records: year.records
      .filter((rec) => countsAsEarned(rec.state))
      .map((rec) => ({
        title: rec.title,
        detail: `${rec.kindLabel}（${rec.stateLabel}）`,
        category: rec.categoryLabel,
        credits: credits(rec.credits),
      })),
    issuedAt: r.issuedAt,
    verification: printedVerification(r),
    platformName: jurisdiction.platformName,
  });
  return pdfResponse(pdf, `继续教育学分证明-${year.year}年度-${archive.archiveNumber}.pdf`);
}
