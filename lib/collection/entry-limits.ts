// How many entries each list of the collection steps holds: the step schemas refuse more, the
// forms stop offering 添加 at the limit. Apart from the schemas, so the forms load no zod.

export const MAX_EDUCATION_ENTRIES = 10;
export const MAX_QUALIFICATIONS = 20;
export const MAX_TALENT_ENTRIES = 10;
export const MAX_AWARDS = 30;
