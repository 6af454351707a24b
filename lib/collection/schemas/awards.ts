import * as z from "zod/mini";
import { AWARD_LEVELS } from "@/lib/codes/award-level";
import { MAX_AWARDS } from "../entry-limits";
import type { CollectionContext } from "../rules";
import { requiredText, yearField } from "./fields";
import { codeTableSchema } from "@/lib/codes/code-table-schema";

// 奖励信息 (用户操作手册 2.3 第七步): optional entries, each 奖励名称, 奖励级别 and 获奖年份.

export function awardEntrySchema(ctx: CollectionContext) {
  return z.object({
    name: requiredText("奖励名称", 100),
    level: codeTableSchema(AWARD_LEVELS),
    year: yearField("获奖年份", ctx),
  });
}

export function awardsSchema(ctx: CollectionContext) {
  return z.object({
    awards: z._default(
      z
        .array(awardEntrySchema(ctx))
        .check(z.maxLength(MAX_AWARDS, `奖励信息最多填写${MAX_AWARDS}条`)),
      [],
    ),
  });
}

export type AwardEntry = z.output<ReturnType<typeof awardEntrySchema>>;
export type AwardsInput = z.input<ReturnType<typeof awardsSchema>>;
export type AwardsData = z.output<ReturnType<typeof awardsSchema>>;
