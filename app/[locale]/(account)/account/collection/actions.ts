"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { personAction } from "@/lib/auth/action-client";
import { submitCollection } from "@/lib/collection/archive-service";
import { saveDraftOnly, saveStep } from "@/lib/collection/draft-service";
import { db } from "@/lib/db/client";
import { exchangeConfigured } from "@/lib/transfer/file-registry";
import { type ActionResult, fieldErrorsFromIssues, refusalResult } from "@/lib/http/action-result";
import type { SaveOutcome, SubmitOutcome } from "./wizard-types";

// 信息采集's actions: thin — parse the envelope, let the domain validate the step with its own
// schema (the one the form runs), revalidate. The session comes from personAction.

const saveInput = z.object({
  step: z.string().max(20),
  data: z.unknown(),
  revision: z.union([z.number().int().min(0), z.literal("latest")]),
  /** "next": 下一步 (validate, mark complete); "draft": 保存草稿 and 上一步 (store as typed). */
  mode: z.enum(["next", "draft"]),
});

export const saveCollectionStepAction = personAction(
  "saveCollectionStepAction",
  saveInput,
  async (input, { request, session }): Promise<ActionResult<SaveOutcome>> => {
    const save = input.mode === "next" ? saveStep : saveDraftOnly;
    const r = await save(db, request, session, input);
    // No revalidatePath: it would render this page again into the response — most of a save's
    // cost (issue 9), and wasted, as 下一步 and 上一步 navigate at once to a page fetched fresh. A
    // page the browser brings back from its history checks its revision itself (fresh-draft.ts).
    if (r.ok) return { ok: true, data: { revision: r.revision, resumeAt: r.resumeAt } };
    // Field errors at their fields; a stale save (code "stale") keeps the typed input on the page,
    // which offers to keep it or load the newer.
    return refusalResult(r);
  },
);

export const submitCollectionAction = personAction(
  "submitCollectionAction",
  z.object({}),
  async (_input, { request, session }): Promise<ActionResult<SubmitOutcome>> => {
    const r = await submitCollection(db, request, session, new Date(), exchangeConfigured());
    if (r.ok) {
      revalidatePath("/account", "layout");
      return { ok: true, data: { archiveNumber: r.archiveNumber } };
    }
    if (r.reason !== "incomplete") return refusalResult(r);
    // Every problem keyed "step.path…", so 确认信息 can list them with a link to their step and
    // name the step in the reader's language.
    const fieldErrors: Record<string, string> = {};
    for (const [step, issues] of Object.entries(r.errors)) {
      for (const [key, message] of Object.entries(fieldErrorsFromIssues(issues ?? [], [step]))) {
        fieldErrors[key] ??= message;
      }
    }
    return { ok: false, fieldErrors, formError: r.message };
  },
);
