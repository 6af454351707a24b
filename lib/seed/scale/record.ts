import { creditCodeCheckChar, CREDIT_CODE_CHARSET } from "@/lib/collection/credit-code";
import type { CollectionRecord } from "@/lib/collection/whole-record";
import type { AccountingPostCode } from "@/lib/codes/accounting-post";
import type { EmploymentStatusCode } from "@/lib/codes/employment-status";
import type { QualificationLevelCode } from "@/lib/codes/professional-qualification";
import type { EducationEntry } from "@/lib/collection/schemas/education";
import type { WorkData } from "@/lib/collection/schemas/work";
import { type Rng, chance, int, pick, weighted } from "./random";

// The collected record (信息采集's six data steps) of one seeded person, built directly in the
// shape the step schemas output — what submitCollection stores as version 1 — because parsing
// two million records with zod would cost more than the whole insert. record.test.ts runs the
// real schemas (validateWholeRecord) over a sample and checks they accept every record and give
// it back unchanged: the shape cannot drift from the collection's without that test failing.
// Every date and year is bounded by the day of collection (`today`) and the person's age, as
// the schemas' own rules bound them on that day.

export interface RecordFacts {
  birthDate: string;
  /** Beijing date of collection, "YYYY-MM-DD": the record is valid as of that day. */
  today: string;
  regionCode: string;
  /** City name without 市, for employer names ("广州"). */
  cityName: string;
  /** Pinyin of the name, for the e-mail address. */
  pinyin: string;
  /** Stable attachment ids (the seed stores no files: see seed-scale.ts). */
  attachmentIds: { headshot: string; portrait: string; emblem: string; studentCard: string };
}

const EDUCATION_PLANS = weighted<"14" | "21" | "31" | "41" | "61">([
  ["14", 8],
  ["21", 45],
  ["31", 35],
  ["41", 10],
  ["61", 2],
]);
/** Years of study and the age at enrolment of each finished level (GB/T 4658 codes). */
const STUDY: Record<string, { age: number; years: number; degree: EducationEntry["degree"] }> = {
  "14": { age: 22, years: 3, degree: "MASTER" },
  "21": { age: 18, years: 4, degree: "BACHELOR" },
  "31": { age: 18, years: 3, degree: "NONE" },
  "41": { age: 15, years: 3, degree: "NONE" },
  "61": { age: 15, years: 3, degree: "NONE" },
};
const SCHOOLS: Record<string, readonly string[]> = {
  "14": ["中山大学", "暨南大学", "华南理工大学", "广东财经大学", "厦门大学", "中南财经政法大学"],
  "21": [
    "广东财经大学",
    "暨南大学",
    "华南师范大学",
    "广东外语外贸大学",
    "广东工业大学",
    "汕头大学",
    "广州大学",
    "五邑大学",
    "韶关学院",
    "嘉应学院",
  ],
  "31": [
    "广东科学技术职业学院",
    "广东轻工职业技术学院",
    "广州番禺职业技术学院",
    "顺德职业技术学院",
    "广东机电职业技术学院",
    "广东农工商职业技术学院",
  ],
  "41": ["广东省财经职业技术学校", "广州市财经商贸职业学校", "佛山市顺德区陈村职业技术学校"],
  "61": ["广州市第六中学", "佛山市第一中学", "东莞中学", "惠州一中"],
};
const MAJORS = ["会计学", "财务管理", "审计学", "会计", "税务", "金融学", "工商管理", "会计电算化"];

const STATUS = weighted<EmploymentStatusCode>([
  ["ACCOUNTING_POST", 80],
  ["NON_ACCOUNTING_POST", 12],
  ["UNEMPLOYED", 8],
]);
const POSTS = weighted<AccountingPostCode>([
  ["CASHIER", 22],
  ["ASSETS_LIABILITIES_EQUITY", 14],
  ["REVENUE_EXPENSES", 16],
  ["FINANCIAL_RESULTS", 6],
  ["FINANCIAL_REPORTING", 10],
  ["AUDIT_CHECK", 5],
  ["ACCOUNTING_SUPERVISION", 3],
  ["ARCHIVES", 2],
  ["OTHER_ACCOUNTING", 10],
  ["HEAD_OF_ACCOUNTING", 10],
  ["CHIEF_ACCOUNTANT", 2],
]);
/** Highest 专业技术资格 held (issue 11 seed: ~55% none, 30% 初级, 12% 中级, 3% 高级 and up). */
const HIGHEST_LEVEL = weighted<QualificationLevelCode | "NONE">([
  ["NONE", 55],
  ["JUNIOR", 30],
  ["INTERMEDIATE", 12],
  ["SENIOR", 2.7],
  ["PROFESSOR", 0.3],
]);
const LEVEL_ORDER: readonly QualificationLevelCode[] = [
  "JUNIOR",
  "INTERMEDIATE",
  "SENIOR",
  "PROFESSOR",
];
/** Years between one level and the next (初级 → 中级 takes at least four, and so on). */
const LEVEL_GAP = [0, 4, 5, 5];
const QUALIFICATION_TYPE = weighted<"ACCOUNTING" | "AUDITING" | "ECONOMICS" | "STATISTICS">([
  ["ACCOUNTING", 90],
  ["AUDITING", 4],
  ["ECONOMICS", 4],
  ["STATISTICS", 2],
]);
const POLITICAL = weighted<string>([
  ["13", 62],
  ["01", 22],
  ["03", 13],
  ["12", 1],
  ["06", 1],
  ["10", 1],
]);
const MINORITIES = ["08", "13", "03", "15", "06"];
const BRANDS = [..."恒达信华盛泰宏兴隆昌鑫源富瑞安康金海天启明德嘉顺永汇"];
const TRADES = [
  "贸易",
  "科技",
  "实业",
  "建筑工程",
  "物流",
  "电子",
  "食品",
  "医药",
  "投资",
  "家具",
  "服装",
  "会计服务",
];
const SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司"];

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, "0")}`;

/** A 统一社会信用代码 registered in `regionCode` (GB 32100: 91 = 工商, 企业). */
export function creditCode(rng: Rng, regionCode: string): string {
  let org = "";
  for (let i = 0; i < 9; i++) org += pick(rng, [...CREDIT_CODE_CHARSET]);
  const body = `91${regionCode}${org}`;
  return body + creditCodeCheckChar(body);
}

function educationOf(rng: Rng, birthYear: number, thisMonth: string, student: boolean) {
  const entry = (level: string, start: number, years: number, inStudy = false): EducationEntry => {
    const plan = STUDY[level] ?? STUDY["21"]!;
    return {
      level: level as EducationEntry["level"],
      degree: plan.degree,
      school: pick(rng, SCHOOLS[level] ?? SCHOOLS["21"]!),
      major: pick(rng, MAJORS),
      enrolledOn: month(start, 9),
      graduatedOn: month(start + years, 7),
      inStudy,
    };
  };
  if (student) {
    // 在读 本科: the main level "20" (a finished entry must name its outcome, an ongoing one not).
    return {
      fullTime: [entry("20", birthYear + 18, 4, true)],
      partTime: [],
      lastYear: birthYear + 22,
    };
  }
  const finished = (level: string) =>
    month(birthYear + STUDY[level]!.age + STUDY[level]!.years, 7) <= thisMonth;
  let level = EDUCATION_PLANS.draw(rng) as string;
  for (const fallback of ["21", "31", "41", "61"]) {
    if (finished(level)) break;
    level = fallback;
  }
  const plan = STUDY[level]!;
  const fullTime: EducationEntry[] = [];
  if (level === "14") fullTime.push(entry("21", birthYear + 18, 4));
  fullTime.push(entry(level, birthYear + plan.age, plan.years));
  const partTime: EducationEntry[] = [];
  // 专科 then a part-time 本科 (成人教育), as many accountants do.
  const partStart = birthYear + 23;
  if (level === "31" && chance(rng, 0.2) && month(partStart + 2, 7) <= thisMonth) {
    partTime.push({ ...entry("21", partStart, 2), enrolledOn: month(partStart, 3) });
  }
  return { fullTime, partTime, lastYear: birthYear + plan.age + plan.years };
}

/** The collected record of a person born `facts.birthDate`, valid on `facts.today`. */
export function collectionRecord(rng: Rng, facts: RecordFacts): CollectionRecord {
  const birthYear = Number(facts.birthDate.slice(0, 4));
  const thisYear = Number(facts.today.slice(0, 4));
  const thisMonth = facts.today.slice(0, 7);
  const age = thisYear - birthYear;
  const studyStart = month(birthYear + 18, 9);
  const canStudy = studyStart <= thisMonth && month(birthYear + 22, 7) > thisMonth;
  const student = canStudy && age <= 22 && chance(rng, 0.4);
  const education = educationOf(rng, birthYear, thisMonth, student);
  const status: EmploymentStatusCode = student ? "STUDENT" : STATUS.draw(rng);
  const earliest = birthYear + 16;
  const workFrom = Math.min(thisYear, Math.max(earliest, education.lastYear ?? earliest));

  const work: WorkData = { status, regionCode: facts.regionCode };
  if (status === "ACCOUNTING_POST" || status === "NON_ACCOUNTING_POST") {
    work.employerName = `${facts.cityName}${pick(rng, BRANDS)}${pick(rng, BRANDS)}${pick(rng, TRADES)}${pick(rng, SUFFIXES)}`;
    work.employerCreditCode = creditCode(rng, facts.regionCode);
  }
  if (status === "ACCOUNTING_POST") {
    work.postKind = POSTS.draw(rng);
    // Most start soon after school: the square skews the year early.
    work.accountingSinceYear = workFrom + Math.floor(rng() ** 2 * (thisYear - workFrom + 1));
  }
  if (status === "STUDENT") work.schoolName = pick(rng, SCHOOLS["21"]!);

  const qualifications: CollectionRecord["professional"]["qualifications"] = [];
  const highest = student ? "NONE" : HIGHEST_LEVEL.draw(rng);
  if (highest !== "NONE") {
    const type = QUALIFICATION_TYPE.draw(rng);
    let year = Math.min(thisYear, Math.max(earliest + 3, workFrom) + int(rng, 0, 3));
    for (let i = 0; i <= LEVEL_ORDER.indexOf(highest); i++) {
      if (i > 0) year += LEVEL_GAP[i]! + int(rng, 0, 3);
      if (year > thisYear) break; // too young for the level drawn: stop at the one before
      const level = LEVEL_ORDER[i]!;
      qualifications.push({
        type,
        level,
        method: i === 0 || i === 1 ? "EXAM" : i === 2 ? "EXAM_AND_REVIEW" : "REVIEW",
        year,
        certificateNo: `${type.charAt(0)}${year}${String(int(rng, 0, 99_999_999)).padStart(8, "0")}`,
      });
    }
  }
  const senior = qualifications.length >= 2;
  const talents: CollectionRecord["professional"]["talents"] = [];
  if (senior && chance(rng, 0.04)) {
    const selectedYear = int(rng, Math.max(earliest + 14, thisYear - 15), thisYear);
    const type = pick(rng, [
      "HIGH_END",
      "HIGH_END",
      "HIGH_END",
      "CHIEF_ACCOUNTANT_TRAINING",
      "INTERNATIONAL",
      "SPECIAL_SUPPORT",
    ] as const);
    if (selectedYear <= thisYear && selectedYear >= earliest) {
      talents.push(
        selectedYear + 3 <= thisYear
          ? { type, selectedYear, status: "GRADUATED", graduatedYear: selectedYear + 3 }
          : { type, selectedYear, status: "IN_TRAINING" },
      );
    }
  }

  const awards: CollectionRecord["awards"]["awards"] = [];
  if (!student && chance(rng, 0.02) && earliest + 6 <= thisYear) {
    awards.push({
      name: "先进会计工作者",
      level: pick(rng, ["MUNICIPAL", "PROVINCIAL", "OTHER"] as const),
      year: int(rng, earliest + 6, thisYear),
    });
  }

  const personal: CollectionRecord["personal"] = {
    ethnicGroup: chance(rng, 0.97) ? "01" : pick(rng, MINORITIES),
    politicalStatus: POLITICAL.draw(rng),
    email: `${facts.pinyin || "user"}${int(rng, 1, 9999)}@example.com`,
    headshotId: facts.attachmentIds.headshot,
    nationality: "CHN",
    documentPageIds: { PORTRAIT: facts.attachmentIds.portrait, EMBLEM: facts.attachmentIds.emblem },
    ...(student ? { studentCardId: facts.attachmentIds.studentCard } : {}),
  } as CollectionRecord["personal"];

  return {
    notice: { truthPledge: true },
    personal,
    education: { fullTime: education.fullTime, partTime: education.partTime },
    work,
    professional: {
      isCpa: chance(rng, senior ? 0.15 : 0.01),
      isTaxAdvisor: chance(rng, senior ? 0.08 : 0.01),
      isAssetAppraiser: chance(rng, 0.005),
      abacusLevel: chance(rng, 0.85)
        ? "NONE"
        : pick(rng, ["LEVEL_1", "LEVEL_2", "LEVEL_3", "EXPERT"] as const),
      qualifications,
      talents,
    },
    awards: { awards },
  };
}
