import { describe, expect, it } from "vitest";
import { yearRuns } from "./ce-text";

describe("无记录 years", () => {
  it("joins consecutive years into runs, oldest first", () => {
    expect(yearRuns([2019, 2018, 2017, 2016, 2014, 2013, 2012, 2011, 2010])).toEqual([
      "2010—2014",
      "2016—2019",
    ]);
    expect(yearRuns([2019])).toEqual(["2019"]);
    expect(yearRuns([2012, 2019, 2018])).toEqual(["2012", "2018—2019"]);
    expect(yearRuns([])).toEqual([]);
  });
});
