import type { DocumentStatus } from "./status";

/** Everything 档案核验 shows about a document — and so everything it may show. */
export interface VerificationView {
  name: string;
  idNumberMasked: string;
  /** 会计人员信息档案, or 2025年度继续教育学分证明 */
  document: string;
  archiveNumber: string;
  version: number;
  /** 出具日期, e.g. 2026年11月27日 */
  issuedOn: string;
  status: DocumentStatus;
  statusLabel: string;
}
