import countries from "i18n-iso-countries";
import zh from "i18n-iso-countries/langs/zh.json";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { defineCodeTable } from "./code-table";

// 国籍/地区 — GB/T 2659 世界各国和地区名称代码, which takes its codes from ISO 3166-1; names from
// i18n-iso-countries' Chinese locale. Stored as the three-letter code ("CHN", "USA").
// Hong Kong, Macao and Taiwan are named as regions of China, as Chinese official forms do.
// Server pages only (≈ 9 KB gzip with the library): the browser gets the options from the page
// and the codes with the collection context (lib/collection/rules.ts nationalityCodes).

countries.registerLocale(zh);

const REGION_NAMES: Record<string, string> = {
  HKG: "中国香港",
  MAC: "中国澳门",
  TWN: "中国台湾",
};

const entries = Object.entries(countries.getNames("zh", { select: "official" }))
  .map(([alpha2, name]) => {
    const code = countries.alpha2ToAlpha3(alpha2)!;
    return { code, label: REGION_NAMES[code] ?? name };
  })
  .sort((a, b) => (a.code === "CHN" ? -1 : b.code === "CHN" ? 1 : a.code.localeCompare(b.code)));

export const NATIONALITIES = defineCodeTable(entries, "请选择国籍/地区");

/**
 * The 国籍/地区 a registered document settles: a resident ID is Chinese, a 港澳台 residence
 * permit or travel permit names the region (its number's prefix: 81/82/83, H/M). A passport or a
 * foreigner's permanent residence card does not settle it here: 个人信息 asks.
 */
export function nationalityFromDocument(
  documentType: DocumentTypeCode,
  idNumberMasked: string,
): string | null {
  switch (documentType) {
    case "RESIDENT_ID":
      return "CHN";
    case "HMT_RESIDENCE":
      return { "81": "HKG", "82": "MAC", "83": "TWN" }[idNumberMasked.slice(0, 2)] ?? null;
    case "HKMO_PERMIT":
      return { H: "HKG", M: "MAC" }[idNumberMasked.slice(0, 1).toUpperCase()] ?? null;
    case "TW_PERMIT":
      return "TWN";
    case "PASSPORT":
    case "FOREIGN_PR":
      return null;
  }
}
