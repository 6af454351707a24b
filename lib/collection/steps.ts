// The collection wizard's steps, in the manual's order (用户操作手册 2.3). A step may be opened
// only when every step before it is complete: the wizard cannot be skipped ahead or forged, on
// the client or the server.

export const STEPS = [
  { id: "notice", label: "阅读须知" },
  { id: "personal", label: "个人信息" },
  { id: "education", label: "学历信息" },
  { id: "work", label: "工作信息" },
  { id: "professional", label: "专业技术信息" },
  { id: "awards", label: "奖励信息" },
  { id: "confirm", label: "确认信息" },
  { id: "done", label: "完成" },
] as const;

export type StepId = (typeof STEPS)[number]["id"];

export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);

/** The steps whose data is saved as a draft (确认信息 submits, 完成 only shows the result). */
export const DATA_STEP_IDS = [
  "notice",
  "personal",
  "education",
  "work",
  "professional",
  "awards",
] as const satisfies readonly StepId[];

export type DataStepId = (typeof DATA_STEP_IDS)[number];

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

export function stepIndex(id: StepId): number {
  return STEP_IDS.indexOf(id);
}

export function stepLabel(id: StepId): string {
  return STEPS[stepIndex(id)]!.label;
}

export function nextStep(id: StepId): StepId | undefined {
  return STEP_IDS[stepIndex(id) + 1];
}

export function previousStep(id: StepId): StepId | undefined {
  return stepIndex(id) > 0 ? STEP_IDS[stepIndex(id) - 1] : undefined;
}

/**
 * Where a person resumes: the first step not in `completed` (completed steps after a gap do not
 * count: the gap comes first). "done" once every step before it is complete.
 */
export function firstIncompleteStep(completed: Iterable<StepId>): StepId {
  const done = new Set(completed);
  return STEP_IDS.find((id) => !done.has(id)) ?? "done";
}

/** A step may be opened when every step before it is complete (going back is always allowed). */
export function canOpenStep(step: StepId, completed: Iterable<StepId>): boolean {
  return stepIndex(step) <= stepIndex(firstIncompleteStep(completed));
}
