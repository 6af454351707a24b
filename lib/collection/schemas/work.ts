import * as z from "zod/mini";
import { text } from "@/lib/utils/refinement";
import { ACCOUNTING_POSTS, type AccountingPostCode } from "@/lib/codes/accounting-post";
import {
  EMPLOYMENT_STATUSES,
  type EmploymentStatusCode,
  hasPost,
} from "@/lib/codes/employment-status";
import { validateCreditCode } from "../credit-code";
import { type CollectionContext, regionProblem } from "../rules";
import { optionalYearInput, readYear } from "./fields";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 工作信息: 在岗状态 decides which fields apply. 所属行政区划 always (its meaning follows the status:
// regionRuleText); with a post 工作单位名称 and 统一社会信用代码; with 会计工作岗位 also the post kind
// and the year accounting work began; for 在校生 学校名称. Fields that do not apply are dropped, so
// switching status in the form never stores stale values.

export interface WorkData {
  status: EmploymentStatusCode;
  regionCode: string;
  employerName?: string;
  employerCreditCode?: string;
  postKind?: AccountingPostCode;
  accountingSinceYear?: number;
  schoolName?: string;
}

const NAME_MAX = 100;

export function workSchema(ctx: CollectionContext) {
  const fields = z.object({
    status: codeTableSchema(EMPLOYMENT_STATUSES),
    // Missing reads as "": the transform then reports it with every other field's problem.
    regionCode: z._default(z.string().check(z.trim()), ""),
    employerName: z.optional(z.string().check(z.trim())),
    employerCreditCode: z.optional(z.string()),
    postKind: z.optional(z.string()),
    accountingSinceYear: optionalYearInput,
    schoolName: z.optional(z.string().check(z.trim())),
  });
  return z.pipe(
    fields,
    z.transform((v: z.output<typeof fields>, issue): WorkData => {
      const add = (path: string, message: string) => {
        issue.issues.push({ code: "custom", message, path: [path], input: v });
      };
      const out: WorkData = { status: v.status, regionCode: v.regionCode };
      const region = regionProblem(v.status, v.regionCode, ctx);
      if (region) add("regionCode", region);

      if (hasPost(v.status)) {
        const name = text(v.employerName);
        if (name === "") add("employerName", "请填写工作单位名称");
        else if (name.length > NAME_MAX) add("employerName", `工作单位名称不能超过${NAME_MAX}个字`);
        else out.employerName = name;
        const code = validateCreditCode(text(v.employerCreditCode));
        if (code.ok) out.employerCreditCode = code.normalized;
        else add("employerCreditCode", code.message);
      }
      if (v.status === "ACCOUNTING_POST") {
        if (ACCOUNTING_POSTS.is(v.postKind)) out.postKind = v.postKind;
        else add("postKind", "请选择会计工作岗位类别");
        const year = readYear(v.accountingSinceYear, "从事会计工作年份", ctx);
        if (year.ok) out.accountingSinceYear = year.year;
        else add("accountingSinceYear", year.message);
      }
      if (v.status === "STUDENT") {
        const school = text(v.schoolName);
        if (school === "") add("schoolName", "请填写学校名称");
        else if (school.length > NAME_MAX) add("schoolName", `学校名称不能超过${NAME_MAX}个字`);
        else out.schoolName = school;
      }
      return out;
    }),
  );
}

export type WorkInput = z.input<ReturnType<typeof workSchema>>;
