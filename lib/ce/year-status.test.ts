import { describe, expect, it } from "vitest";
import { GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS } from "@/lib/jurisdiction/ce-thresholds";
import {
  type CreditRecord,
  type YearSummaryInput,
  hasInProgressData,
  yearSummary,
} from "./year-status";

const TODAY = "2026-11-27";
const pub = (credits: number, state: CreditRecord["state"] = "completed", year = 2025) =>
  ({ year, category: "PUBLIC", credits, state }) as const;
const pro = (credits: number, state: CreditRecord["state"] = "recognised", year = 2025) =>
  ({ year, category: "PROFESSIONAL", credits, state }) as const;

function summary(records: CreditRecord[], over: Partial<YearSummaryInput> = {}) {
  return yearSummary({
    year: 2025,
    records,
    thresholds: NATIONAL_CE_THRESHOLDS,
    obligationStartYear: 2020,
    today: TODAY,
    ...over,
  });
}

describe("national thresholds (90 credits, 专业 ≥ 2/3)", () => {
  it("completes a year at 90 credits and not at 89", () => {
    expect(summary([pub(30), pro(60)]).state).toBe("COMPLETE");
    const short = summary([pub(29), pro(60)]);
    expect(short.state).toBe("INCOMPLETE");
    expect(short.stateLabel).toBe("未完成");
    expect(short.shortfall).toEqual({ total: 1, public: 0, professional: 0 });
  });

  it("accepts exactly two thirds 专业科目 and refuses a tenth less", () => {
    expect(summary([pub(30), pro(60)]).thresholdsMet).toBe(true);
    const under = summary([pub(30.1), pro(59.9)]);
    expect(under.earned.total).toBe(90);
    expect(under.thresholdsMet).toBe(false);
    expect(under.shortfall.professional).toBeCloseTo(0.1);
  });

  it("takes two thirds of the credits earned, not of 90", () => {
    const s = summary([pub(60), pro(60)]);
    expect(s.required).toEqual({ total: 90, public: 0, professional: 80 });
    expect(s.state).toBe("INCOMPLETE");
    expect(summary([pub(40), pro(80)]).state).toBe("COMPLETE");
  });

  it("sums decimals exactly", () => {
    const tenths = Array.from({ length: 300 }, () => pub(0.1));
    const s = summary([...tenths, pro(60)]);
    expect(s.earned).toEqual({ total: 90, public: 30, professional: 60 });
    expect(s.state).toBe("COMPLETE");
  });
});

describe("Guangdong thresholds (公需 ≥ 30, 专业 ≥ 60)", () => {
  const gd = { thresholds: GUANGDONG_CE_THRESHOLDS };

  it("needs 30 公需科目: 29 is not enough even with 90 in all", () => {
    expect(summary([pub(30), pro(60)], gd).state).toBe("COMPLETE");
    const s = summary([pub(29), pro(61)], gd);
    expect(s.earned.total).toBe(90);
    expect(s.state).toBe("INCOMPLETE");
    expect(s.shortfall).toEqual({ total: 0, public: 1, professional: 0 });
  });

  it("needs 60 专业科目 and has no share rule", () => {
    expect(summary([pub(31), pro(59)], gd).shortfall.professional).toBe(1);
    const s = summary([pub(60), pro(60)], gd);
    expect(s.required).toEqual({ total: 90, public: 30, professional: 60 });
    expect(s.state).toBe("COMPLETE");
  });
});

describe("what counts", () => {
  it("counts only completed and recognised records", () => {
    const s = summary([
      pub(30, "completed"),
      pro(60, "recognised"),
      pro(90, "enrolled"),
      pro(90, "claimed"),
      pro(90, "rejected"),
    ]);
    expect(s.earned).toEqual({ total: 90, public: 30, professional: 60 });
    expect(s.inProgressCount).toBe(2);
  });

  it("counts credits for their own year only", () => {
    const s = summary([
      pub(30, "completed", 2024),
      pro(60, "recognised", 2024),
      pro(90, "recognised", 2026),
    ]);
    expect(s.earned.total).toBe(0);
    expect(s.state).toBe("INCOMPLETE");
  });

  it("refuses negative credits", () => {
    expect(() => summary([pub(-1)])).toThrow(RangeError);
  });
});

describe("year states", () => {
  it("is 进行中 in the current year until met, then 已完成 with a certificate", () => {
    const open = summary([pub(30, "completed", 2026)], { year: 2026 });
    expect(open.state).toBe("IN_PROGRESS");
    expect(open.stateLabel).toBe("进行中");
    expect(open.certificateAvailable).toBe(false);
    const done = summary([pub(30, "completed", 2026), pro(60, "recognised", 2026)], { year: 2026 });
    expect(done.state).toBe("COMPLETE");
    expect(done.stateLabel).toBe("已完成");
    expect(done.certificateAvailable).toBe(true);
  });

  it("is 未完成 for a past year short by one credit, pending claims or not", () => {
    const s = summary([pub(30), pro(59), pro(90, "claimed")]);
    expect(s.state).toBe("INCOMPLETE");
    expect(s.certificateAvailable).toBe(false);
  });

  it("is 无须参加 before the obligation year and without an obligation", () => {
    const before = summary([], { year: 2019 });
    expect(before.state).toBe("NOT_REQUIRED");
    expect(before.stateLabel).toBe("无须参加");
    expect(before.required).toEqual({ total: 0, public: 0, professional: 0 });
    expect(before.certificateAvailable).toBe(false);
    expect(summary([], { year: 2020 }).state).toBe("INCOMPLETE");
    expect(summary([pub(30), pro(60)], { obligationStartYear: null }).state).toBe("NOT_REQUIRED");
  });

  it("is 无记录, not 未完成, for an obliged year before the platform's records begin", () => {
    const before = summary([pub(30)], {
      year: 2018,
      obligationStartYear: 2013,
      recordsFromYear: 2020,
    });
    expect(before.state).toBe("NO_RECORD");
    expect(before.stateLabel).toBe("无记录");
    expect(before.certificateAvailable).toBe(false);
    // what the platform does hold may complete such a year
    const recognised = [pub(30, "completed", 2018), pro(60, "recognised", 2018)];
    expect(
      summary(recognised, { year: 2018, recordsFromYear: 2020, obligationStartYear: 2013 }),
    ).toMatchObject({ state: "COMPLETE", certificateAvailable: true });
    // from the first year of records on, and before the obligation, nothing changes
    expect(summary([], { year: 2020, recordsFromYear: 2020 }).state).toBe("INCOMPLETE");
    expect(
      summary([], { year: 2019, obligationStartYear: 2020, recordsFromYear: 2025 }).state,
    ).toBe("NOT_REQUIRED");
    expect(summary([], { year: 2015, obligationStartYear: 2013 }).state).toBe("INCOMPLETE");
  });

  it("refuses a future year", () => {
    expect(() => summary([], { year: 2027 })).toThrow(RangeError);
  });
});

describe("hasInProgressData (region lock)", () => {
  it("is true for an enrolled course or a pending claim in any year", () => {
    expect(hasInProgressData([pub(10, "enrolled", 2019)])).toBe(true);
    expect(hasInProgressData([pro(90, "claimed", 2026)])).toBe(true);
  });

  it("is false once everything is finished, recognised or rejected", () => {
    expect(hasInProgressData([])).toBe(false);
    expect(
      hasInProgressData([pub(10, "completed"), pro(90, "recognised"), pro(10, "rejected")]),
    ).toBe(false);
  });
});
