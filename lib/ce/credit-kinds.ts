import { defineCodeTable } from "@/lib/codes/code-table";

// The ways continuing-education credits arise (学分来源), their credit equivalences and the claim
// forms an accountant fills in for the ones that need evidence. Client-safe and without zod: the
// claim form shows these; the schemas the form and the server action run are credit-schemas.ts.
//
// Equivalences: 会计专业技术人员继续教育规定 (财会〔2018〕10号) 第十三条 — (一) passing one subject of
// the national accounting qualification exam (or another accounting exam) = 90, (二) an accounting
// professional conference = 10 a day, (三) passing one course of a recognised accounting degree
// programme in the year = 90, (五) a paper in a CN-numbered journal = 30 sole or first author,
// 10 other authors. Courses of training providers count as the provider credits them.
//
// Category: the national rule sets these equivalences but does not say whether they count as
// 公需科目 or 专业科目. The platform's documented default is 专业科目 for all of them: the rule's
// 专业科目 are the accounting knowledge (财务会计, 管理会计, 财务管理, 内部控制, 会计法律法规 …) that
// these exams, conferences, courses and papers are about, and in Guangdong 公需科目 are taken on
// the provincial platform only. A provider course is either, as entered with the course.

export const CE_CATEGORIES = defineCodeTable(
  [
    { code: "PUBLIC", label: "公需科目" },
    { code: "PROFESSIONAL", label: "专业科目" },
  ],
  "请选择科目类别",
);
export type CeCategory = (typeof CE_CATEGORIES.codes)[number];

export const CHOOSE_KIND = "请选择学分来源";
export const NO_OBLIGATION = "您没有专业技术资格，也没有从事会计工作年份，无须申报继续教育学分";
/** NO_OBLIGATION as finance staff read it about someone else. */
export const PERSON_NO_OBLIGATION =
  "该会计人员没有专业技术资格，也没有从事会计工作年份，无须参加继续教育";

export const CREDIT_KINDS = defineCodeTable(
  [
    { code: "COURSE", label: "培训机构课程" },
    { code: "EXAM", label: "通过会计相关考试科目" },
    { code: "CONFERENCE", label: "参加会计类专业会议" },
    { code: "DEGREE_COURSE", label: "会计类专业学历（学位）教育课程" },
    { code: "PAPER", label: "发表会计类论文" },
  ],
  CHOOSE_KIND,
);
export type CreditKindCode = (typeof CREDIT_KINDS.codes)[number];

export const PAPER_AUTHORSHIPS = defineCodeTable(
  [
    { code: "SOLE", label: "独立作者" },
    { code: "FIRST", label: "第一作者" },
    { code: "OTHER", label: "其他作者" },
  ],
  "请选择作者排序",
);
export type PaperAuthorship = (typeof PAPER_AUTHORSHIPS.codes)[number];

export interface CreditKindRule {
  /** The category the credits count as; "ENTERED" = each record carries its own (courses). */
  category: CeCategory | "ENTERED";
  /** True where the national rule is silent and the category is this platform's default. */
  categoryIsDefault: boolean;
  /** Whether the accountant claims it with evidence for finance staff to recognise. */
  needsClaim: boolean;
  /** The equivalence in words, for pages. */
  equivalence: string;
  /** Where the equivalence comes from. */
  basis: string;
}

export const CREDIT_KIND_RULES: Readonly<Record<CreditKindCode, CreditKindRule>> = {
  COURSE: {
    category: "ENTERED",
    categoryIsDefault: false,
    needsClaim: false,
    equivalence: "按培训机构认定的学分计",
    basis: "财会〔2018〕10号",
  },
  EXAM: {
    category: "PROFESSIONAL",
    categoryIsDefault: true,
    needsClaim: true,
    equivalence: "每通过一科折算90学分",
    basis: "财会〔2018〕10号 第十三条（一）",
  },
  CONFERENCE: {
    category: "PROFESSIONAL",
    categoryIsDefault: true,
    needsClaim: true,
    equivalence: "每天折算10学分",
    basis: "财会〔2018〕10号 第十三条（二）",
  },
  DEGREE_COURSE: {
    category: "PROFESSIONAL",
    categoryIsDefault: true,
    needsClaim: true,
    equivalence: "通过当年度一门课程考试或考核折算90学分",
    basis: "财会〔2018〕10号 第十三条（三）",
  },
  PAPER: {
    category: "PROFESSIONAL",
    categoryIsDefault: true,
    needsClaim: true,
    equivalence: "独立作者或第一作者每篇折算30学分，其他作者每人折算10学分",
    basis: "财会〔2018〕10号 第十三条（五）",
  },
};

/** The kinds an accountant claims (everything but provider courses). */
export type ClaimKindCode = Exclude<CreditKindCode, "COURSE">;
export const CLAIM_KINDS: readonly ClaimKindCode[] = CREDIT_KINDS.codes.filter(
  (k): k is ClaimKindCode => CREDIT_KIND_RULES[k].needsClaim,
);

/** A kind the accountant claims (not a provider's course, which finance staff enter). */
export function isClaimKind(value: unknown): value is ClaimKindCode {
  return (CLAIM_KINDS as readonly unknown[]).includes(value);
}

export const EXAM_SUBJECT_CREDITS = 90;
export const CONFERENCE_CREDITS_PER_DAY = 10;
export const DEGREE_COURSE_CREDITS = 90;
export const PAPER_LEAD_AUTHOR_CREDITS = 30;
export const PAPER_OTHER_AUTHOR_CREDITS = 10;
export const MAX_CONFERENCE_DAYS = 30;
/** A single provider course never credits more than a whole year's requirement. */
export const MAX_COURSE_CREDITS = 90;

/** What decides the credits of each kind (claim forms carry more, e.g. names and evidence). */
export interface CreditInputs {
  COURSE: { credits: number };
  EXAM: object;
  CONFERENCE: { days: number };
  DEGREE_COURSE: object;
  PAPER: { authorship: PaperAuthorship };
}

/** Positive, at most MAX_COURSE_CREDITS, at most one decimal place (e.g. 1.5 for 1.5 学时). */
export function isValidCourseCredits(credits: number): boolean {
  return (
    Number.isFinite(credits) &&
    credits > 0 &&
    credits <= MAX_COURSE_CREDITS &&
    Math.abs(credits * 10 - Math.round(credits * 10)) < 1e-9
  );
}

/** The credits one record of `kind` is worth. Throws RangeError on inputs the schemas refuse. */
export function creditsFor<K extends CreditKindCode>(kind: K, input: CreditInputs[K]): number {
  switch (kind) {
    case "COURSE": {
      const { credits } = input as CreditInputs["COURSE"];
      if (!isValidCourseCredits(credits)) throw new RangeError(`课程学分无效：${credits}`);
      return credits;
    }
    case "EXAM":
      return EXAM_SUBJECT_CREDITS;
    case "CONFERENCE": {
      const { days } = input as CreditInputs["CONFERENCE"];
      if (!Number.isInteger(days) || days < 1 || days > MAX_CONFERENCE_DAYS) {
        throw new RangeError(`会议天数无效：${days}`);
      }
      return days * CONFERENCE_CREDITS_PER_DAY;
    }
    case "DEGREE_COURSE":
      return DEGREE_COURSE_CREDITS;
    case "PAPER": {
      const { authorship } = input as CreditInputs["PAPER"];
      if (!PAPER_AUTHORSHIPS.is(authorship)) throw new RangeError(`作者排序无效：${authorship}`);
      return authorship === "OTHER" ? PAPER_OTHER_AUTHOR_CREDITS : PAPER_LEAD_AUTHOR_CREDITS;
    }
    default:
      throw new RangeError(`未知的学分来源：${String(kind)}`);
  }
}

/** The category a record's credits count as; a course needs the category it was entered with. */
export function categoryFor(kind: CreditKindCode, enteredCategory?: CeCategory): CeCategory {
  const fixed = CREDIT_KIND_RULES[kind].category;
  if (fixed !== "ENTERED") return fixed;
  if (!enteredCategory || !CE_CATEGORIES.is(enteredCategory)) {
    throw new RangeError("培训机构课程须注明公需科目或专业科目");
  }
  return enteredCategory;
}

// --- Claims --------------------------------------------------------------------------------------

/** What the claim schemas need beyond their own fields (serialisable: the form runs them too). */
export interface CeClaimContext {
  /** Today in Beijing, "YYYY-MM-DD" (`beijingToday()`; fixed in tests). */
  today: string;
  /** First year the person must earn credits (obligation.ts), or null when there is none. */
  obligationStartYear: number | null;
  /** Who reads the messages: the accountant ("您", the default) or finance staff ("该会计人员"). */
  reader?: "self" | "staff";
}

/** Why credits cannot be claimed for `year`, or null. Credits count for their own year only. */
export function claimYearProblem(year: number, label: string, ctx: CeClaimContext): string | null {
  const thisYear = Number(ctx.today.slice(0, 4));
  const staff = ctx.reader === "staff";
  if (ctx.obligationStartYear === null) {
    return staff ? PERSON_NO_OBLIGATION : NO_OBLIGATION;
  }
  if (year > thisYear) return `${label}不能晚于今年（${thisYear}年）`;
  if (year < ctx.obligationStartYear) {
    const whose = staff ? "该会计人员" : "您";
    return `${label}不能早于${ctx.obligationStartYear}年（${whose}开始参加继续教育的年度）`;
  }
  return null;
}
