// 证件类型 code table. Codes are stored in Person.idType (VARCHAR(20)): never rename one.
export const DOCUMENT_TYPE_CODES = [
  "RESIDENT_ID",
  "HMT_RESIDENCE",
  "HKMO_PERMIT",
  "TW_PERMIT",
  "PASSPORT",
  "FOREIGN_PR",
] as const;

export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CODES)[number];

/** Which pages of the document a person uploads as attachments. */
export interface AttachmentPage {
  id: string;
  label: string;
}

/**
 * Whether gender and birth date can be read from the number:
 * - `always`: every valid number carries them (GB 11643 scheme);
 * - `some-versions`: only some issues do (the 2023 永居证 does, the 2017 one is not derived);
 * - `never`: the person enters them.
 */
export type EncodesPersonalData = "always" | "some-versions" | "never";

export interface DocumentType {
  code: DocumentTypeCode;
  label: string;
  encodesGenderAndBirthDate: EncodesPersonalData;
  /** Short Chinese hint under the number field: what a valid number looks like. */
  numberHint: string;
  attachments: readonly AttachmentPage[];
}

const CARD_FRONT_BACK: readonly AttachmentPage[] = [
  { id: "FRONT", label: "证件正面（照片面）" },
  { id: "BACK", label: "证件背面" },
];

export const DOCUMENT_TYPES: Readonly<Record<DocumentTypeCode, DocumentType>> = {
  RESIDENT_ID: {
    code: "RESIDENT_ID",
    label: "居民身份证",
    encodesGenderAndBirthDate: "always",
    numberHint: "18位，最后一位可能是X",
    attachments: [
      { id: "PORTRAIT", label: "身份证人像面" },
      { id: "EMBLEM", label: "身份证国徽面" },
    ],
  },
  HMT_RESIDENCE: {
    code: "HMT_RESIDENCE",
    label: "港澳台居民居住证",
    encodesGenderAndBirthDate: "always",
    numberHint: "18位，以810000（香港）、820000（澳门）或830000（台湾）开头",
    attachments: [
      { id: "PORTRAIT", label: "居住证人像面" },
      { id: "EMBLEM", label: "居住证国徽面" },
    ],
  },
  HKMO_PERMIT: {
    code: "HKMO_PERMIT",
    label: "港澳居民来往内地通行证",
    encodesGenderAndBirthDate: "never",
    numberHint: "H或M开头，后跟8位数字（旧证10位）",
    attachments: CARD_FRONT_BACK,
  },
  TW_PERMIT: {
    code: "TW_PERMIT",
    label: "台湾居民来往大陆通行证",
    encodesGenderAndBirthDate: "never",
    numberHint: "8位数字（旧证10位）",
    attachments: CARD_FRONT_BACK,
  },
  PASSPORT: {
    code: "PASSPORT",
    label: "护照",
    encodesGenderAndBirthDate: "never",
    numberHint: "按护照填写，5至20位字母或数字",
    // Domain notes: passports need the personal-data page and the validity page.
    attachments: [
      { id: "DATA_PAGE", label: "护照个人资料页（照片页）" },
      { id: "VALIDITY_PAGE", label: "护照有效期页" },
    ],
  },
  FOREIGN_PR: {
    code: "FOREIGN_PR",
    label: "外国人永久居留身份证",
    encodesGenderAndBirthDate: "some-versions",
    numberHint: "2023年起签发的为9开头的18位；2017版为3位字母加12位数字",
    attachments: CARD_FRONT_BACK,
  },
};

export function isDocumentTypeCode(value: unknown): value is DocumentTypeCode {
  return typeof value === "string" && (DOCUMENT_TYPE_CODES as readonly string[]).includes(value);
}

export function documentTypeLabel(code: DocumentTypeCode): string {
  return DOCUMENT_TYPES[code].label;
}

/** Options for a <select>, in display order. */
export const DOCUMENT_TYPE_OPTIONS: readonly { value: DocumentTypeCode; label: string }[] =
  DOCUMENT_TYPE_CODES.map((code) => ({ value: code, label: DOCUMENT_TYPES[code].label }));
