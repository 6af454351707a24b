// What a 核验码 can certify (DocumentVerification.kind), and the name 档案核验 shows for it.

export type DocumentKind = "archive" | "ce-certificate";

const DOCUMENT_KINDS: readonly DocumentKind[] = ["archive", "ce-certificate"];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** 会计人员信息档案, or 2025年度继续教育学分证明. */
export function documentTitle(kind: DocumentKind, ceYear: number | null): string {
  return kind === "archive" ? "会计人员信息档案" : `${ceYear ?? ""}年度继续教育学分证明`;
}
