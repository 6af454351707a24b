import { describe, expect, it } from "vitest";
import { APPEAL_NUMBER_PATTERN, missingPhotos, normalizeAppealNumber } from "./appeal-rules";
import { newAppealNumber } from "./appeal-number";

describe("账号申诉 rules", () => {
  it("needs all three photos, and names the missing ones in the form's order", () => {
    expect(missingPhotos([])).toEqual(["id-front", "id-back", "holding"]);
    expect(missingPhotos(["holding", "id-front"])).toEqual(["id-back"]);
    expect(missingPhotos(["id-front", "id-back", "holding", "other"])).toEqual([]);
  });

  it("申诉编号: SS, the Beijing date, six digits; typed in any case or width", () => {
    const n = newAppealNumber(new Date("2026-12-04T17:00:00Z"));
    expect(n).toMatch(/^SS20261205\d{6}$/);
    expect(APPEAL_NUMBER_PATTERN.test(n)).toBe(true);
    expect(normalizeAppealNumber(" ｓｓ２０２６１２０５０１２３４５ ")).toBe("SS20261205012345");
    expect(APPEAL_NUMBER_PATTERN.test("SS2026120501234")).toBe(false);
  });
});
