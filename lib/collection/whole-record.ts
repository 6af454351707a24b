import type * as z from "zod/mini";
import { text } from "@/lib/utils/refinement";
import { type CollectionContext, studentCardProblem } from "./rules";
import { awardsSchema, type AwardsData } from "./schemas/awards";
import { educationSchema, type EducationData } from "./schemas/education";
import { noticeSchema, type NoticeData } from "./schemas/notice";
import { personalSchema, type PersonalData } from "./schemas/personal";
import { professionalSchema, type ProfessionalData } from "./schemas/professional";
import { workSchema, type WorkData } from "./schemas/work";
import { DATA_STEP_IDS, type DataStepId, stepLabel } from "./steps";

// Submit validates the whole record again, on the server, with the same step schemas the forms
// and the draft saves use, then the rules that span steps. A draft saved step by step can still
// be wrong as a whole (a 在校生 status chosen after 个人信息 was saved without a 学生证) or stale
// (a year that was fine when saved, before 出生日期 was corrected).
// Kept apart from rules.ts because the step schemas import rules.ts.

/** The raw drafts of the data steps, as saved (anything: it is parsed again). */
export type CollectionDraft = Partial<Record<DataStepId, unknown>>;

export interface CollectionRecord {
  notice: NoticeData;
  personal: PersonalData;
  education: EducationData;
  work: WorkData;
  professional: ProfessionalData;
  awards: AwardsData;
}

export interface FieldIssue {
  /** Path inside the step's data, e.g. ["fullTime", 0, "graduatedOn"]; [] for the whole step. */
  path: (string | number)[];
  message: string;
}

export type StepErrors = Partial<Record<DataStepId, FieldIssue[]>>;

export type WholeRecordResult =
  { ok: true; record: CollectionRecord } | { ok: false; errors: StepErrors };

/** The schema of one data step for this person (what a step's form and its save action use). */
export function stepSchema(step: DataStepId, ctx: CollectionContext): z.ZodMiniType {
  switch (step) {
    case "notice":
      return noticeSchema;
    case "personal":
      return personalSchema(ctx);
    case "education":
      return educationSchema(ctx);
    case "work":
      return workSchema(ctx);
    case "professional":
      return professionalSchema(ctx);
    case "awards":
      return awardsSchema(ctx);
  }
}

/** Zod issues as FieldIssues (a symbol never appears in a path of these schemas). */
export function fieldIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldIssue[] {
  return issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: i.message,
  }));
}

export function validateWholeRecord(
  draft: CollectionDraft,
  ctx: CollectionContext,
): WholeRecordResult {
  const errors: StepErrors = {};
  const data: Partial<Record<DataStepId, unknown>> = {};
  const parseStep = (step: DataStepId, context: CollectionContext) => {
    if (draft[step] === undefined || draft[step] === null) {
      errors[step] = [{ path: [], message: `请填写${stepLabel(step)}` }];
      return;
    }
    const r = stepSchema(step, context).safeParse(draft[step]);
    if (r.success) data[step] = r.data;
    else errors[step] = fieldIssues(r.error.issues);
  };

  // 个人信息 first: a birth date entered there drives the year rules of the later steps.
  parseStep("personal", ctx);
  const personal = data.personal as PersonalData | undefined;
  const context: CollectionContext = { ...ctx, birthDate: ctx.birthDate ?? personal?.birthDate };
  for (const step of DATA_STEP_IDS) if (step !== "personal") parseStep(step, context);

  // Read from the raw draft, so the 学生证 problem shows even when 个人信息 has others too.
  const work = data.work as WorkData | undefined;
  const rawPersonal = draft.personal as { studentCardId?: unknown } | null | undefined;
  const studentCard = studentCardProblem(work?.status, text(rawPersonal?.studentCardId));
  if (studentCard && rawPersonal) {
    errors.personal = [
      ...(errors.personal ?? []),
      { path: ["studentCardId"], message: studentCard },
    ];
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, record: data as unknown as CollectionRecord };
}
