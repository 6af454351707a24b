import { describe, expect, it } from "vitest";
import {
  csvField,
  csvLine,
  EXPORT_HEADERS,
  exportCells,
  neutralise,
  type ExportRow,
} from "./cells";

const row: ExportRow = {
  name: "张三",
  idType: "RESIDENT_ID",
  idNumber: "4401************3X",
  gender: "1",
  birthYear: 1990,
  regionCode: "440106",
  employmentStatus: "ACCOUNTING_POST",
  educationLevel: "20",
  qualifications: ["ACCOUNTING:INTERMEDIATE", "AUDITING:JUNIOR"],
  highEndTalent: true,
  collectionStatus: "collected",
  archiveNumber: "44202600000123",
  collectedAt: new Date("2026-03-01T02:05:00Z"),
  transferState: "OUT_PENDING",
};

const names = (code: string) => (code === "440106" ? "广东省 广州市 天河区" : code);

describe("neutralise", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1", "＋1", "－1", "＠x"])(
    "prefixes %j with an apostrophe",
    (text) => expect(neutralise(text)).toBe(`'${text}`),
  );

  it.each(["张三", "1-2", "a=b", " =1", "", "'quoted"])("leaves %j as it is", (text) =>
    expect(neutralise(text)).toBe(text),
  );
});

describe("exportCells", () => {
  it("labels every code from its code table, in the headers' order", () => {
    expect(EXPORT_HEADERS).toEqual([
      "姓名",
      "证件类型",
      "证件号码",
      "性别",
      "出生年份",
      "行政区划",
      "在岗状态",
      "学历",
      "专业技术资格",
      "高端人才",
      "采集状态",
      "档案编号",
      "采集时间",
      "调转状态",
    ]);
    expect(exportCells(row, names)).toEqual([
      "张三",
      "居民身份证",
      "4401************3X",
      "男",
      1990,
      "广东省 广州市 天河区",
      "会计工作岗位",
      "大学本科教育",
      "会计类中级、审计类初级",
      "是",
      "已采集",
      "44202600000123",
      "2026-03-01 10:05",
      "调出待审核",
    ]);
  });

  it("leaves what a person has not filled in empty", () => {
    const bare: ExportRow = {
      ...row,
      gender: null,
      birthYear: null,
      employmentStatus: null,
      educationLevel: null,
      qualifications: [],
      highEndTalent: false,
      collectionStatus: "none",
      archiveNumber: null,
      collectedAt: null,
      transferState: null,
    };
    const cells = exportCells(bare, names);
    expect(cells.slice(3)).toEqual([
      "",
      "",
      "广东省 广州市 天河区",
      "",
      "",
      "",
      "否",
      "未采集",
      "",
      "",
      "未调出",
    ]);
  });

  it("neutralises a name that would run as a formula", () => {
    expect(exportCells({ ...row, name: '=HYPERLINK("x")' }, names)[0]).toBe('\'=HYPERLINK("x")');
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says, and ends lines with CRLF", () => {
    expect(csvLine(["a,b", 'say "hi"', "x\ny", "plain", 7])).toBe(
      '"a,b","say ""hi""","x\ny",plain,7\r\n',
    );
  });

  it("keeps long digit runs text for Excel with a leading tab, and short ones as they are", () => {
    expect(csvField("440106199001011234")).toBe("\t440106199001011234");
    expect(csvField("44202600000123")).toBe("\t44202600000123");
    expect(csvField("12345678901")).toBe("12345678901");
    expect(csvField(1990)).toBe("1990");
  });
});
