import * as z from "zod/mini";
import { MAX_REASON_LENGTH, MAX_TRANSFER_ATTACHMENTS } from "./out-limits";

// 申请调出 (用户操作手册 4.1): the form's schema, run in the browser and again in the action.
// Whether the destination is a concrete county of the chosen member, and not this platform's
// own jurisdiction, needs the national division table: the service checks that
// (lib/exchange/members.ts destinationRegionProblem) and answers at the same fields.

export const outApplicationSchema = z.object({
  destMember: z.string().check(z.regex(/^\d{6}$/, "请选择调入省份")),
  destRegionCode: z.string().check(z.regex(/^\d{6}$/, "请选择调入地区，须选到区县")),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "请填写调出理由"),
      z.maxLength(MAX_REASON_LENGTH, `调出理由不能超过${MAX_REASON_LENGTH}字`),
    ),
  attachmentIds: z.array(z.uuid("调转附件无效，请重新上传")).check(
    z.minLength(1, "请上传调转附件"),
    z.maxLength(MAX_TRANSFER_ATTACHMENTS, `调转附件最多${MAX_TRANSFER_ATTACHMENTS}张`),
    z.refine((ids) => new Set(ids).size === ids.length, "同一附件上传了两次，请删除重复的一张"),
  ),
});
export type OutApplicationInput = z.infer<typeof outApplicationSchema>;

/** 撤回 and staff review name the application; review also needs a reason. */
export const transferIdSchema = z.object({ id: z.uuid("没有找到该调转申请") });

export const reviewSchema = z.object({
  id: z.uuid("没有找到该调转申请"),
  decision: z.enum(["approve", "reject"], "请选择审核结果"),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "请填写审核意见"),
      z.maxLength(MAX_REASON_LENGTH, `审核意见不能超过${MAX_REASON_LENGTH}字`),
    ),
});
export type ReviewInput = z.infer<typeof reviewSchema>;
