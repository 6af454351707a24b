import { describe, expect, it } from "vitest";
import { beijingDayStart, beijingToday, formatBeijingDate, formatBeijingDateTime } from "./beijing";

describe("Beijing time", () => {
  it("formats an instant as the Beijing calendar date", () => {
    // 2024-12-31T16:30Z is 2025-01-01 00:30 in Beijing.
    expect(formatBeijingDate(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
    expect(formatBeijingDate(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
    expect(formatBeijingDate("2024-06-01T00:00:00+08:00")).toBe("2024-06-01");
    expect(formatBeijingDate(Date.UTC(2024, 1, 29, 12))).toBe("2024-02-29");
  });

  it("formats date and time with a 24-hour clock", () => {
    expect(formatBeijingDateTime(new Date("2024-12-31T16:30:45Z"))).toBe("2025-01-01 00:30");
    expect(formatBeijingDateTime(new Date("2024-03-05T05:07:00Z"))).toBe("2024-03-05 13:07");
  });

  it("gives today's Beijing date regardless of the server's time zone", () => {
    expect(beijingToday(new Date("2025-05-01T17:00:00Z"))).toBe("2025-05-02");
    expect(beijingToday(new Date("2025-05-01T15:00:00Z"))).toBe("2025-05-01");
    expect(beijingToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("finds the instant a Beijing day starts", () => {
    expect(beijingDayStart("2025-01-01").toISOString()).toBe("2024-12-31T16:00:00.000Z");
    expect(formatBeijingDate(beijingDayStart("2024-02-29"))).toBe("2024-02-29");
    expect(() => beijingDayStart("2023-02-29")).toThrow(RangeError);
    expect(() => beijingDayStart("2023/01/01")).toThrow(RangeError);
  });

  it("rejects invalid input", () => {
    expect(() => formatBeijingDate("not a date")).toThrow(RangeError);
    expect(() => formatBeijingDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
