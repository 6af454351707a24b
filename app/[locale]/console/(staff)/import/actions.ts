"use server";

import { revalidatePath } from "next/cache";
import { fieldError, staffAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { importHistory } from "@/lib/import/history-import";
import { historyErrorReport, readHistorySheet } from "@/lib/import/history-workbook";
import { staffActor } from "@/lib/staff/staff-session";
import { xlsxFormSchema } from "@/lib/import/xlsx-file";
import { fileProblem } from "./import.validation";

export type HistoryImportOutcome = {
  imported: number;
  exists: number;
  errors: number;
  /** 错误报告 (.xlsx, base64) of the rows not imported; null when every row was imported. */
  report: string | null;
};

/** 导入 an uploaded 历史档案 sheet: good rows are written, the others come back as 错误报告. */
export const importHistoryAction = staffAction(
  "importHistoryAction",
  "import",
  xlsxFormSchema,
  async (form, { request, staff }): Promise<ActionResult<HistoryImportOutcome>> => {
    const file = form.get("file");
    const problem = fileProblem(file instanceof File ? file : null);
    if (problem || !(file instanceof File)) return fieldError("file", problem ?? "");
    const sheet = await readHistorySheet(new Uint8Array(await file.arrayBuffer()));
    if (!sheet.ok) return fieldError("file", sheet.message);
    const r = await importHistory(db, request, staffActor(staff), sheet);
    if ("reason" in r) return refusalResult(r);
    const notImported = r.rows.filter((row) => row.state !== "imported");
    const report =
      notImported.length > 0 ? (await historyErrorReport(notImported)).toString("base64") : null;
    if (r.imported > 0) revalidatePath("/console", "layout");
    return {
      ok: true,
      data: { imported: r.imported, exists: r.exists, errors: r.errors, report },
    };
  },
);
