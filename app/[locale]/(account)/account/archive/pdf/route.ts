import { currentSession } from "@/lib/auth/current-session";
import { registeredFactRows, summarizeRecord } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { buildArchivePdf } from "@/lib/pdf/archive-pdf";
import { headshotForPdf } from "@/lib/pdf/headshot";
import { pdfResponse, seeOther } from "@/lib/pdf/pdf-response";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { issueArchiveCode } from "@/lib/verification/issue-service";
import { printedVerification } from "@/lib/verification/printed-verification";

export const dynamic = "force-dynamic";

const PAGE = "/account/archive";

/**
 * 我的档案 as a PDF with a new 核验码. POST, because it writes the code's row; the session
 * cookie is SameSite=Lax, so another site cannot make a logged-in browser issue codes. Only the
 * session decides whose archive: nothing in the request names a person.
 */
export async function POST(request: Request) {
  const person = await currentSession();
  if (!person) return seeOther(`/login?next=${encodeURIComponent(PAGE)}`);
  const r = await issueArchiveCode(db, clientInfoFromHeaders(request.headers), person);
  if (!r.ok) return seeOther(`${PAGE}?pdf=${r.reason}`);

  const { archive } = r;
  const pdf = await buildArchivePdf({
    archiveNumber: archive.archiveNumber,
    version: archive.version,
    collectedAt: formatBeijingDateTime(archive.collectedAt),
    registered: registeredFactRows(archive.snapshot.person, archive.snapshot.personal),
    headshot: await headshotForPdf(db, person.personId, archive.snapshot.personal.headshotId),
    sections: summarizeRecord(archive.snapshot, {
      regionLabel: (code) => regionName(code) ?? code,
      omitRegisteredFacts: true,
    }),
    issuedAt: r.issuedAt,
    verification: printedVerification(r),
    platformName: getJurisdiction().platformName,
  });
  return pdfResponse(pdf, `会计人员信息档案-${archive.archiveNumber}-第${archive.version}版.pdf`);
}
