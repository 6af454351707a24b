import { describe, expect, it } from "vitest";
import { claimDetailLines } from "./claim-details";

describe("claimDetailLines", () => {
  it("labels a conference claim as the form did, with the days' equivalence", () => {
    expect(
      claimDetailLines("CONFERENCE", {
        kind: "CONFERENCE",
        year: 2026,
        name: "管理会计高峰论坛",
        organiser: "广东省会计学会",
        days: 2,
        attachmentId: "x",
      }),
    ).toEqual([
      { label: "会议年度", value: "2026年" },
      { label: "会议名称", value: "管理会计高峰论坛" },
      { label: "主办单位", value: "广东省会计学会" },
      { label: "会议天数", value: "2天（每天10学分）" },
    ]);
  });

  it("names a paper's authorship and skips what is missing", () => {
    expect(claimDetailLines("PAPER", { title: "论内部控制", authorship: "OTHER" })).toEqual([
      { label: "论文题目", value: "论内部控制" },
      { label: "作者排序", value: "其他作者" },
    ]);
  });

  it("shows nothing for unknown kinds or malformed details", () => {
    expect(claimDetailLines("NOPE", { year: 2026 })).toEqual([]);
    expect(claimDetailLines("EXAM", null)).toEqual([]);
  });
});
