// When a person's continuing-education obligation starts (财会〔2018〕10号): holders of a
// 专业技术资格 from the year after they obtained it; people working in accounting without one from
// the year they started. Someone with both starts at whichever comes first: a qualification
// obtained in 2020 by someone in accounting since 2015 does not lift the 2015–2020 obligation.

export interface ObligationInput {
  /** 取得年份 of every 专业技术资格 held (any order; empty when none). */
  qualificationYears: readonly number[];
  /** 从事会计工作年份, when the person works or worked in accounting. */
  accountingSinceYear?: number | null;
}

/** The first year credits are required, or null when neither a qualification nor a start exists. */
export function obligationStartYear(input: ObligationInput): number | null {
  const candidates = input.qualificationYears.map((y) => y + 1);
  if (input.accountingSinceYear != null) candidates.push(input.accountingSinceYear);
  for (const y of candidates) {
    if (!Number.isInteger(y)) throw new RangeError(`年份无效：${y}`);
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** The years with an obligation up to `thisYear`, oldest first (empty before the start). */
export function obligationYears(startYear: number | null, thisYear: number): number[] {
  if (startYear === null) return [];
  const years: number[] = [];
  for (let y = startYear; y <= thisYear; y++) years.push(y);
  return years;
}
