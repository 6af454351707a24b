import codes from "i18n-iso-countries/codes.json";

// The 国籍/地区 codes (GB/T 2659, ISO 3166-1 alpha-3) without their names: what the 个人信息 schema
// checks, in the browser as in the action. The names (nationality.ts: the library, its Chinese
// locale and its diacritics table) stay on the server; the form gets its options as props.

const NATIONALITY_CODES: ReadonlySet<string> = new Set(codes.map((row) => row[1]!));

export function isNationalityCode(value: unknown): value is string {
  return typeof value === "string" && NATIONALITY_CODES.has(value);
}
