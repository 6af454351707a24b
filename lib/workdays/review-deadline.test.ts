import { describe, expect, it } from "vitest";
import { calendarFromChineseDays } from "./chinese-days";
import { DEFAULT_REVIEW_WORKING_DAYS, reviewDeadline } from "./review-deadline";

const calendar = calendarFromChineseDays([2025, 2026]);

describe("reviewDeadline", () => {
  it("defaults to the end of the next working day, Beijing time", () => {
    expect(DEFAULT_REVIEW_WORKING_DAYS).toBe(1);
    // Tuesday 2025-09-30 15:00 Beijing, the eve of 国庆: due at the end of Thursday 10-09.
    expect(reviewDeadline(new Date("2025-09-30T07:00:00Z"), calendar)).toEqual({
      day: "2025-10-09",
      dueAt: new Date("2025-10-09T16:00:00Z"),
      yearsWithoutData: [],
    });
  });

  it("counts from the Beijing day of submission, whatever the hour", () => {
    // 2025-09-25 23:59 and 2025-09-26 00:01 Beijing (both 25th in UTC).
    expect(reviewDeadline(new Date("2025-09-25T15:59:00Z"), calendar).day).toBe("2025-09-26");
    expect(reviewDeadline(new Date("2025-09-25T16:01:00Z"), calendar).day).toBe("2025-09-28");
  });

  it("takes the configured number of working days", () => {
    const deadline = reviewDeadline(new Date("2025-09-30T07:00:00Z"), calendar, 2);
    expect(deadline.day).toBe("2025-10-10");
    expect(deadline.dueAt).toEqual(new Date("2025-10-10T16:00:00Z"));
  });

  it("flags a deadline counted into a year without data", () => {
    expect(reviewDeadline(new Date("2026-12-31T02:00:00Z"), calendar)).toEqual({
      day: "2027-01-01",
      dueAt: new Date("2027-01-01T16:00:00Z"),
      yearsWithoutData: [2027],
    });
  });

  it.each([0, -1, 1.5])("refuses %s working days", (n) => {
    expect(() => reviewDeadline(new Date(), calendar, n)).toThrow(RangeError);
  });
});
