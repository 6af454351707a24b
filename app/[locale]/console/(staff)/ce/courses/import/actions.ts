"use server";

import { revalidatePath } from "next/cache";
import { fieldError, staffAction } from "@/lib/auth/action-client";
import { type ImportRow, importCourses, previewCourseImport } from "@/lib/ce/course-import";
import { readCourseSheet } from "@/lib/ce/course-workbook";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";
import { staffActor } from "@/lib/staff/staff-session";
import { xlsxFormSchema } from "@/lib/import/xlsx-file";
import { fileProblem } from "./import.validation";

export type ImportOutcome = { rows: ImportRow[]; imported: number | null; message: string };

/**
 * 检查 or 导入 an uploaded course sheet. Both read and check the whole file on the server; 导入
 * writes only when every row is right (all or nothing), so a file can be fixed and sent again.
 */
export const importCoursesAction = staffAction(
  "importCoursesAction",
  "ce-course",
  xlsxFormSchema,
  async (form, { request, staff }): Promise<ActionResult<ImportOutcome>> => {
    const file = form.get("file");
    const mode = form.get("mode") === "import" ? "import" : "check";
    const problem = fileProblem(file instanceof File ? file : null);
    if (problem || !(file instanceof File)) return fieldError("file", problem ?? "");
    const sheet = await readCourseSheet(new Uint8Array(await file.arrayBuffer()));
    if (!sheet.ok) return fieldError("file", sheet.message);
    const reviewer = staffActor(staff);

    if (mode === "check") {
      const check = await previewCourseImport(db, request, reviewer, sheet);
      if ("reason" in check) return refusalResult(check);
      const wrong = check.rows.filter((r) => r.errors.length > 0).length;
      return {
        ok: true,
        data: {
          rows: check.rows,
          imported: null,
          message:
            wrong === 0
              ? `共${check.rows.length}行，全部可以导入`
              : `共${check.rows.length}行，其中${wrong}行需要修改后才能导入`,
        },
      };
    }
    const r = await importCourses(db, request, reviewer, sheet);
    if ("reason" in r) return refusalResult(r);
    if (!r.ok) return { ok: false, fieldErrors: {}, formError: r.message, detail: r.rows };
    revalidatePath("/console", "layout");
    return {
      ok: true,
      data: { rows: [], imported: r.imported, message: `已导入${r.imported}条课程学分` },
    };
  },
);
