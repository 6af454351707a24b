import * as z from "zod/mini";
import { type CodeTable, defineCodeTable } from "@/lib/codes/code-table";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { QUALIFICATION_LEVELS, QUALIFICATION_TYPES } from "@/lib/codes/professional-qualification";

// 人员查询's parameters: one schema for the search form (in the browser), the page (reading the
// URL) and the export (lib/search/search-sql.ts builds the SQL from its output). Every value is a
// string as a form or a URL carries it; "" means "any". The 证件号码 is not a parameter here: it
// never travels in a URL (access logs and browser history keep URLs), so the form posts it to a
// server action that answers with the person's id (search.validation.ts of the people page).

/** PersonSearch.collectionStatus. */
export const COLLECTION_STATUSES = defineCodeTable(
  [
    { code: "none", label: "未采集" },
    { code: "draft", label: "采集中" },
    { code: "collected", label: "已采集" },
  ],
  "采集状态无效",
);

/** Person.transferState, with "none" for nobody's transfer (lib/person/locks.ts TRANSFER_STATES). */
export const TRANSFER_FILTERS = defineCodeTable(
  [
    { code: "none", label: "未调出" },
    { code: "OUT_PENDING", label: "调出待审核" },
    { code: "OUT_APPROVED", label: "调出审核通过" },
    { code: "OUT_DONE", label: "已调出" },
  ],
  "调转状态无效",
);

/** A year's 继续教育 as the search asks about it (thresholds: lib/ce/thresholds.ts). */
export const CE_STATUSES = defineCodeTable(
  [
    { code: "complete", label: "已完成" },
    { code: "incomplete", label: "未完成" },
    { code: "pending", label: "有在途未完成数据" },
  ],
  "继续教育状态无效",
);

export const HIGH_END_FILTERS = defineCodeTable(
  [
    { code: "yes", label: "是" },
    { code: "no", label: "否" },
  ],
  "高端会计人才选项无效",
);

export const SEARCH_SORTS = defineCodeTable(
  [
    { code: "name", label: "姓名（拼音）" },
    { code: "registeredAt", label: "注册时间" },
    { code: "collectedAt", label: "采集时间" },
  ],
  "排序方式无效",
);

export const SORT_ORDERS = defineCodeTable(
  [
    { code: "asc", label: "升序" },
    { code: "desc", label: "降序" },
  ],
  "排序方向无效",
);

export type SearchSort = (typeof SEARCH_SORTS.codes)[number];
export type SortOrder = (typeof SORT_ORDERS.codes)[number];

/** The first year 继续教育 status can be asked about; later than any record kept. */
const FIRST_CE_YEAR = 2000;
const MAX_QUERY = 50;
/** A cursor is base64url of a short JSON (lib/search/cursor.ts checks what is inside). */
const CURSOR = /^[A-Za-z0-9_-]{1,1200}$/;
const REGION = /^\d{6}$/;

/** An optional code of a table: "" (any) becomes undefined. */
function codeField<C extends string>(table: CodeTable<C>, message: string) {
  return z.optional(
    z.pipe(
      z.string().check(z.refine((v) => v === "" || table.is(v), message)),
      z.transform((v) => (v === "" ? undefined : (v as C))),
    ),
  );
}

function textField(check: (v: string) => boolean, message: string) {
  return z.optional(
    z.pipe(
      z.string().check(
        z.trim(),
        z.refine((v) => v === "" || check(v), message),
      ),
      z.transform((v) => (v === "" ? undefined : v)),
    ),
  );
}

export const searchFilterSchema = z
  .object({
    /** 姓名: 汉字, full pinyin or initials (lib/search/name-keys.ts nameQuery). */
    q: textField((v) => v.length <= MAX_QUERY, `姓名最多${MAX_QUERY}个字符`),
    /** A 6-digit GB/T 2260 code of a city or county within the staff member's scope. */
    region: textField((v) => REGION.test(v), "请选择行政区划"),
    employmentStatus: codeField(EMPLOYMENT_STATUSES, "在岗状态无效"),
    qualificationType: codeField(QUALIFICATION_TYPES, "专业技术资格类型无效"),
    qualificationLevel: codeField(QUALIFICATION_LEVELS, "专业技术资格级别无效"),
    highEndTalent: codeField(HIGH_END_FILTERS, "高端会计人才选项无效"),
    collectionStatus: codeField(COLLECTION_STATUSES, "采集状态无效"),
    ceYear: z.optional(
      z.pipe(
        z.string().check(
          z.trim(),
          z.refine(
            (v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= FIRST_CE_YEAR),
            `继续教育年度应为${FIRST_CE_YEAR}年以后的四位年份`,
          ),
        ),
        z.transform((v) => (v === "" ? undefined : Number(v))),
      ),
    ),
    ceStatus: codeField(CE_STATUSES, "继续教育状态无效"),
    transferState: codeField(TRANSFER_FILTERS, "调转状态无效"),
    sort: codeField(SEARCH_SORTS, "排序方式无效"),
    order: codeField(SORT_ORDERS, "排序方向无效"),
    cursor: textField((v) => CURSOR.test(v), "翻页参数无效，请重新查询"),
  })
  .check(
    z.refine((f) => f.ceStatus === undefined || f.ceYear !== undefined, {
      message: "请选择继续教育年度",
      path: ["ceYear"],
    }),
  );

/** The parameters as the URL and the form carry them (strings; "" or absent = any). */
export type SearchFilterInput = z.input<typeof searchFilterSchema>;
/** The parsed filter the SQL is built from. */
export type SearchFilter = z.output<typeof searchFilterSchema>;

export const SEARCH_FILTER_KEYS = [
  "q",
  "region",
  "employmentStatus",
  "qualificationType",
  "qualificationLevel",
  "highEndTalent",
  "collectionStatus",
  "ceYear",
  "ceStatus",
  "transferState",
  "sort",
  "order",
  "cursor",
] as const satisfies readonly (keyof SearchFilterInput)[];

export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

/** The sort a filter asks for, with its defaults (姓名 ascending). */
export function sortOf(filter: SearchFilter): { sort: SearchSort; order: SortOrder } {
  return { sort: filter.sort ?? "name", order: filter.order ?? "asc" };
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/** The known parameters of a URL as strings (the first of repeated ones); others are ignored. */
export function searchInputFromParams(params: ParamSource): SearchFilterInput {
  const input: Partial<Record<SearchFilterKey, string>> = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === "string") input[key] = value;
  }
  return input;
}

export type ParsedSearch =
  | { ok: true; filter: SearchFilter }
  | { ok: false; fieldErrors: Partial<Record<SearchFilterKey, string>> };

/** Parses a URL's parameters; Chinese messages by parameter when something is malformed. */
export function parseSearchFilter(params: ParamSource): ParsedSearch {
  const r = z.safeParse(searchFilterSchema, searchInputFromParams(params));
  if (r.success) return { ok: true, filter: r.data };
  const fieldErrors: Partial<Record<SearchFilterKey, string>> = {};
  for (const issue of r.error.issues) {
    const key = issue.path[0] as SearchFilterKey | undefined;
    if (key && !fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * The filter as URL parameters, in a stable order, without empty values or the default sort —
 * so the same search always has the same URL. `cursor` replaces the filter's own (null drops it).
 */
export function searchFilterToParams(
  filter: SearchFilter,
  cursor: string | null = filter.cursor ?? null,
): URLSearchParams {
  const out = new URLSearchParams();
  const { sort, order } = sortOf(filter);
  for (const key of SEARCH_FILTER_KEYS) {
    let value: string | number | undefined;
    if (key === "sort") value = sort === "name" ? undefined : sort;
    else if (key === "order") value = order === "asc" ? undefined : order;
    else if (key === "cursor") value = cursor ?? undefined;
    else value = filter[key];
    if (value !== undefined) out.set(key, String(value));
  }
  return out;
}

/** The filter as the form's values (every field a string). */
export function searchFilterToInput(filter: SearchFilter): Record<SearchFilterKey, string> {
  const params = searchFilterToParams(filter, null);
  const { sort, order } = sortOf(filter);
  const values = Object.fromEntries(
    SEARCH_FILTER_KEYS.map((k) => [k, params.get(k) ?? ""]),
  ) as Record<SearchFilterKey, string>;
  return { ...values, sort, order };
}

/**
 * The filter without paging, as the audit log and the export record it. A name is personal data,
 * so only its first character stays ("张**", "z***"): the record shows what kind of search it was
 * without keeping whom it was about in clear.
 */
export function searchFilterForRecord(filter: SearchFilter): Record<string, string> {
  const params = searchFilterToParams(filter, null);
  const q = params.get("q");
  if (q) params.set("q", [...q].map((c, i) => (i === 0 ? c : "*")).join(""));
  return Object.fromEntries(params.entries());
}
