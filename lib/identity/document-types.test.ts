import { describe, expect, it } from "vitest";
import {
  DOCUMENT_TYPE_CODES,
  DOCUMENT_TYPE_OPTIONS,
  DOCUMENT_TYPES,
  documentTypeLabel,
  isDocumentTypeCode,
} from "@/lib/identity/document-types";
import { documentTypeSchema } from "@/lib/identity/document-type-schema";

describe("document types", () => {
  it("has six types whose codes fit Person.idType (VARCHAR 20)", () => {
    expect(DOCUMENT_TYPE_CODES).toHaveLength(6);
    for (const code of DOCUMENT_TYPE_CODES) {
      expect(code.length).toBeLessThanOrEqual(20);
      expect(DOCUMENT_TYPES[code].code).toBe(code);
      expect(DOCUMENT_TYPES[code].attachments.length).toBeGreaterThan(0);
      expect(DOCUMENT_TYPES[code].numberHint).not.toBe("");
    }
  });

  it("labels in Chinese", () => {
    expect(documentTypeLabel("RESIDENT_ID")).toBe("居民身份证");
    expect(documentTypeLabel("FOREIGN_PR")).toBe("外国人永久居留身份证");
    expect(DOCUMENT_TYPE_OPTIONS[0]).toEqual({ value: "RESIDENT_ID", label: "居民身份证" });
  });

  it("knows which numbers encode gender and birth date", () => {
    expect(DOCUMENT_TYPES.RESIDENT_ID.encodesGenderAndBirthDate).toBe("always");
    expect(DOCUMENT_TYPES.HMT_RESIDENCE.encodesGenderAndBirthDate).toBe("always");
    expect(DOCUMENT_TYPES.FOREIGN_PR.encodesGenderAndBirthDate).toBe("some-versions");
    expect(DOCUMENT_TYPES.PASSPORT.encodesGenderAndBirthDate).toBe("never");
  });

  it("asks for both sides of the ID card and both passport pages", () => {
    expect(DOCUMENT_TYPES.RESIDENT_ID.attachments.map((a) => a.label)).toEqual([
      "身份证人像面",
      "身份证国徽面",
    ]);
    expect(DOCUMENT_TYPES.PASSPORT.attachments.map((a) => a.id)).toEqual([
      "DATA_PAGE",
      "VALIDITY_PAGE",
    ]);
  });

  it("guards and parses codes", () => {
    expect(isDocumentTypeCode("PASSPORT")).toBe(true);
    expect(isDocumentTypeCode("passport")).toBe(false);
    expect(isDocumentTypeCode(3)).toBe(false);
    expect(documentTypeSchema.safeParse("TW_PERMIT").success).toBe(true);
    expect(documentTypeSchema.safeParse("X").error?.issues[0]?.message).toBe("请选择证件类型");
  });
});
