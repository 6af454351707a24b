import * as z from "zod/mini";
import { ALWAYS } from "@/lib/utils/refinement";
import { ABACUS_LEVELS } from "@/lib/codes/abacus-level";
import { TALENT_STATUSES, TALENT_TYPES } from "@/lib/codes/high-end-talent";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "@/lib/codes/professional-qualification";
import { MAX_QUALIFICATIONS, MAX_TALENT_ENTRIES } from "../entry-limits";
import type { CollectionContext } from "../rules";
import { optionalYearInput, readYear, requiredText, yearField } from "./fields";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 专业技术信息 (用户操作手册 2.3 第六步): (一) 专业技术认证, (二) 专业技术资格 entries, (三) 高端会计人才
// entries (optional). Every year follows the year rules (not in the future, not before birth + 16).

export function qualificationEntrySchema(ctx: CollectionContext) {
  return z.object({
    type: codeTableSchema(QUALIFICATION_TYPES),
    level: codeTableSchema(QUALIFICATION_LEVELS),
    method: codeTableSchema(QUALIFICATION_METHODS),
    year: yearField("取得年份", ctx),
    certificateNo: requiredText("证书编号", 50),
  });
}

export function talentEntrySchema(ctx: CollectionContext) {
  const fields = z
    .object({
      type: codeTableSchema(TALENT_TYPES),
      selectedYear: yearField("入选年度", ctx),
      status: codeTableSchema(TALENT_STATUSES),
      /** 毕业年度: required when 已毕业, dropped otherwise. */
      graduatedYear: optionalYearInput,
    })
    .check(
      z.superRefine((v, issue) => {
        if (v.status !== "GRADUATED") return;
        const graduated = readYear(v.graduatedYear, "毕业年度", ctx);
        const selected = readYear(v.selectedYear, "入选年度", ctx);
        const message = !graduated.ok
          ? graduated.message
          : selected.ok && graduated.year < selected.year
            ? "毕业年度不能早于入选年度"
            : null;
        if (message) issue.addIssue({ code: "custom", message, path: ["graduatedYear"] });
      }, ALWAYS),
    );
  return z.pipe(
    fields,
    z.transform(({ graduatedYear, ...rest }: z.output<typeof fields>) =>
      rest.status === "GRADUATED" ? { ...rest, graduatedYear: Number(graduatedYear) } : rest,
    ),
  );
}

const yesNo = (label: string) => z.boolean({ error: () => `请选择是否是${label}` });

export function professionalSchema(ctx: CollectionContext) {
  return z.object({
    isCpa: yesNo("注册会计师"),
    isTaxAdvisor: yesNo("税务师"),
    isAssetAppraiser: yesNo("资产评估师"),
    abacusLevel: codeTableSchema(ABACUS_LEVELS),
    qualifications: z._default(
      z
        .array(qualificationEntrySchema(ctx))
        .check(z.maxLength(MAX_QUALIFICATIONS, `专业技术资格最多填写${MAX_QUALIFICATIONS}条`)),
      [],
    ),
    talents: z._default(
      z
        .array(talentEntrySchema(ctx))
        .check(z.maxLength(MAX_TALENT_ENTRIES, `高端会计人才信息最多填写${MAX_TALENT_ENTRIES}条`)),
      [],
    ),
  });
}

export type TalentEntry = z.output<ReturnType<typeof talentEntrySchema>>;
export type ProfessionalInput = z.input<ReturnType<typeof professionalSchema>>;
export type ProfessionalData = z.output<ReturnType<typeof professionalSchema>>;
