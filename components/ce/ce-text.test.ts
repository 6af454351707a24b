import { describe, expect, it } from "vitest";
import { noRecordText, yearRuns } from "./ce-text";

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

  it("says where the records begin and what to do, never 未完成 as the state", () => {
    const text = noRecordText(2020);
    expect(text).toContain("本平台的继续教育记录自2020年起");
    expect(text).toContain("请联系所在地财政部门");
    expect(text).toContain("申报学分");
  });
});
