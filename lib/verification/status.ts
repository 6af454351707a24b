import type { DocumentKind } from "./document-kinds";

// 档案核验's answer about a document, from facts as they stand now. An employer wants to know
// whether the paper in front of them still says what the platform holds: an archive printed
// before a 信息变更 is 已有更新版本 (the old version stays true of its time, but is no longer
// the record); a 学分证明 stays 有效 through later changes of the archive, because it certifies a
// year's credits, until that year no longer meets the requirement (a recognition undone); a
// person whose file has moved to another province is 已调出 here, whatever the document.

export type DocumentStatus = "valid" | "superseded" | "credits-changed" | "transferred-out";

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  valid: "有效",
  superseded: "已有更新版本",
  "credits-changed": "该年度学分已不满足要求",
  "transferred-out": "档案已调出本省",
};

export interface StatusFacts {
  kind: DocumentKind;
  /** the archive version the document shows */
  version: number;
  currentVersion: number;
  /** Person.transferState */
  transferState: string | null;
  /** for a 学分证明: whether its year is 已完成 today */
  yearCompleted: boolean | null;
}

export function documentStatus(f: StatusFacts): DocumentStatus {
  if (f.transferState === "OUT_DONE") return "transferred-out";
  if (f.kind === "ce-certificate") return f.yearCompleted ? "valid" : "credits-changed";
  return f.version < f.currentVersion ? "superseded" : "valid";
}
