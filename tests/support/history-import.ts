import { creditCodeCheckChar } from "@/lib/collection/credit-code";
import { HISTORY_COLUMNS, type HistoryKey, type HistoryValues } from "@/lib/import/history-sheet";
import { randomPhone, randomResidentId } from "./accounts";

// One complete 历史档案 row, as a staff member fills in the template: a new person each call.

export type HistoryCells = Partial<Record<HistoryKey, string>>;

export const HISTORY_CREDIT_CODE = `91440106MA59C8XK2${creditCodeCheckChar("91440106MA59C8XK2")}`;

/** Every column (blank where the row says nothing), for a new person of `county`. */
export function historyRow(over: HistoryCells = {}, county = "440106"): HistoryValues {
  const blank = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.key, ""])) as HistoryValues;
  return {
    ...blank,
    name: "李会计",
    idType: "居民身份证",
    idNumber: randomResidentId(county),
    ethnicGroup: "汉族",
    politicalStatus: "群众",
    phone: randomPhone(),
    email: "li@example.com",
    regionCode: county,
    status: "会计工作岗位",
    employerName: "广州恒达贸易有限公司",
    employerCreditCode: HISTORY_CREDIT_CODE,
    postKind: "出纳",
    accountingSinceYear: "2015",
    level: "大学本科毕业",
    degree: "学士",
    school: "广东财经大学",
    major: "会计学",
    enrolledOn: "2001-09",
    graduatedOn: "2005-07",
    qualType: "会计类",
    qualLevel: "初级",
    qualMethod: "考试",
    qualYear: "2016",
    certificateNo: "A201612345678",
    ...over,
  } as HistoryValues;
}
