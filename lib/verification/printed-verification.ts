import "server-only";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import type { Verification } from "@/lib/pdf/document";
import { verificationConfig, verifyUrl } from "./config";
import { issueDateText } from "./issue-date";

/** What a PDF prints about its 核验码: the code, the QR's address, the date, the issuer. */
export function printedVerification(issued: { code: string; issuedAt: Date }): Verification {
  const jurisdiction = getJurisdiction();
  return {
    code: issued.code,
    url: verifyUrl(issued.code),
    pageUrl: `${verificationConfig().publicBaseUrl}/verify`,
    issuedOn: issueDateText(issued.issuedAt),
    issuer: [jurisdiction.hostOrganisation, jurisdiction.platformName],
  };
}
