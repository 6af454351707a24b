import * as z from "zod/mini";
import { requiredText } from "@/lib/collection/schemas/fields";

// 采集须知's form, run in the browser and again in the service (content-admin.ts). Plain text:
// React escapes it where it is shown, so no markup is needed or kept.

export const MAX_CONTENT_TITLE = 200;
export const MAX_CONTENT_BODY = 10_000;

export const contentBlockSchema = z.object({
  title: requiredText("标题", MAX_CONTENT_TITLE),
  body: requiredText("正文", MAX_CONTENT_BODY),
});
export type ContentBlockValues = z.input<typeof contentBlockSchema>;
