// 信息采集对象 (manual 2.2): the two questions before the registration form. Answered in the
// browser only (no action receives them), so this is plain TypeScript without zod: the first
// step of 用户注册 loads without the form's validation, which comes with the form.

export type Answer = "yes" | "no";

export interface Eligibility {
  worksInJurisdiction: Answer;
  holdsQualification: Answer;
}

/** Both questions answered, or null. */
export function eligibility(works: Answer | "", holds: Answer | ""): Eligibility | null {
  return works && holds ? { worksInJurisdiction: works, holdsQualification: holds } : null;
}

/** 若都不属于这两类人员，无须进行信息采集 (manual 2.2). */
export function needsCollection(v: Eligibility): boolean {
  return v.worksInJurisdiction === "yes" || v.holdsQualification === "yes";
}
