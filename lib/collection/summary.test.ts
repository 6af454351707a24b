import { describe, expect, it } from "vitest";
import { workSchema } from "./schemas/work";
import {
  formatDay,
  formatMonth,
  type RegisteredPerson,
  registeredFactRows,
  type SummaryInput,
  type SummarySection,
  summarizeRecord,
} from "./summary";
import {
  SAMPLE_ATTACHMENT_IDS,
  SAMPLE_PERSON,
  SAMPLE_PERSONAL,
  SAMPLE_PROFESSIONAL,
  SAMPLE_QUALIFICATION,
  sampleSnapshot,
  TEST_CONTEXT,
} from "./test-support";

const ctx = TEST_CONTEXT;
const { HEADSHOT, PORTRAIT, EMBLEM } = SAMPLE_ATTACHMENT_IDS;

const person: RegisteredPerson = SAMPLE_PERSON;

// Built through the step schemas, so the test sees the data exactly as a draft stores it: the
// sample record (汉族, 群众; 中山大学 会计学 2008-09 to 2012-07; 出纳 at 华为 in 440106 since 2012)
// with a fuller 专业技术信息 and one award.
const stored = sampleSnapshot({
  // The pages out of page order: the summary must put them in the document's order.
  personal: { ...SAMPLE_PERSONAL, documentPageIds: { EMBLEM, PORTRAIT } },
  professional: {
    ...SAMPLE_PROFESSIONAL,
    isCpa: true,
    abacusLevel: "LEVEL_2",
    qualifications: [{ ...SAMPLE_QUALIFICATION, year: "2015" }],
    talents: [
      { type: "HIGH_END", selectedYear: 2018, status: "GRADUATED", graduatedYear: 2021 },
      { type: "INTERNATIONAL", selectedYear: 2022, status: "IN_TRAINING" },
    ],
  },
  awards: { awards: [{ name: "先进会计工作者", level: "MUNICIPAL", year: 2020 }] },
});
/** As the owner sees it: with the full birth date their number carries. */
const record: SummaryInput = { ...stored, person };

const regionLabel = (code: string) => (code === "440106" ? "广东省 广州市 天河区" : `?${code}`);

function section(sections: SummarySection[], step: SummarySection["step"]): SummarySection {
  const s = sections.find((x) => x.step === step);
  if (!s) throw new Error(`no section ${step}`);
  return s;
}

describe("summarizeRecord", () => {
  const sections = summarizeRecord(record, { regionLabel });

  it("gives one titled section per data step in wizard order, 阅读须知 left out", () => {
    expect(sections.map((s) => [s.step, s.title])).toEqual([
      ["personal", "个人信息"],
      ["education", "学历信息"],
      ["work", "工作信息"],
      ["professional", "专业技术信息"],
      ["awards", "奖励信息"],
    ]);
  });

  it("个人信息: registered facts, code labels and the attachments in page order", () => {
    const s = section(sections, "personal");
    expect(s.rows).toEqual([
      { label: "姓名", value: "张三" },
      { label: "证件类型", value: "居民身份证" },
      { label: "证件号码", value: "4401************1X" },
      { label: "性别", value: "男" },
      { label: "出生日期", value: "1990年05月17日" },
      { label: "国籍/地区", value: "中国" },
      { label: "民族", value: "汉族" },
      { label: "政治面貌", value: "群众" },
      { label: "电子邮箱", value: "zhangsan@example.com" },
    ]);
    expect(s.attachments).toEqual([
      { label: "本人免冠证件照", attachmentId: HEADSHOT },
      { label: "身份证人像面", attachmentId: PORTRAIT },
      { label: "身份证国徽面", attachmentId: EMBLEM },
    ]);
  });

  it("shows staff (no full date given) only the birth year the number carries", () => {
    const rows = registeredFactRows({ ...person, birthDate: undefined }, record.personal);
    expect(rows.find((r) => r.label === "出生日期")?.value).toBe("1990年");
  });

  it("takes 性别 and 出生日期 from 个人信息 when registration lacks them, and can omit the facts", () => {
    const passport = {
      ...person,
      idType: "PASSPORT",
      gender: null,
      birthYear: null,
      birthDate: null,
    };
    const personal = {
      ...record.personal!,
      gender: "2" as const,
      birthDate: "1991-02-03",
      nationality: "USA",
      documentPageIds: { DATA_PAGE: PORTRAIT, VALIDITY_PAGE: EMBLEM },
      studentCardId: HEADSHOT,
    };
    const s = section(summarizeRecord({ person: passport, personal }, { regionLabel }), "personal");
    expect(s.rows.slice(1, 6).map((r) => r.value)).toEqual([
      "护照",
      "4401************1X",
      "女",
      "1991年02月03日",
      "美国",
    ]);
    expect(s.attachments.map((a) => a.label)).toEqual([
      "本人免冠证件照",
      "护照个人资料页（照片页）",
      "护照有效期页",
      "学生证",
    ]);
    const omitted = summarizeRecord(
      { person, personal },
      { regionLabel, omitRegisteredFacts: true },
    );
    expect(section(omitted, "personal").rows.map((r) => r.label)).toEqual([
      "民族",
      "政治面貌",
      "电子邮箱",
    ]);
  });

  it("学历信息: an entry per row group, months in Chinese, empty part-time as 无", () => {
    const s = section(sections, "education");
    expect(s.rows).toEqual([]);
    expect(s.lists).toEqual([
      {
        key: "fullTime",
        title: "全日制教育",
        empty: "未填写",
        entries: [
          [
            { label: "学历", value: "大学本科毕业" },
            { label: "学位", value: "学士" },
            { label: "毕业院校", value: "中山大学" },
            { label: "所学专业", value: "会计学" },
            { label: "入学时间", value: "2008年09月" },
            { label: "毕业时间", value: "2012年07月" },
            { label: "在读", value: "否" },
          ],
        ],
      },
      { key: "partTime", title: "非全日制教育", empty: "无", entries: [] },
    ]);
  });

  it("工作信息: the region through regionLabel and only the status's fields", () => {
    expect(section(sections, "work").rows).toEqual([
      { label: "在岗状态", value: "会计工作岗位" },
      { label: "所属行政区划", value: "广东省 广州市 天河区" },
      { label: "工作单位名称", value: "华为技术有限公司" },
      { label: "统一社会信用代码", value: "914403001922038216" },
      { label: "会计工作岗位", value: "出纳" },
      { label: "从事会计工作年份", value: "2012年" },
    ]);
    const student = workSchema(ctx).parse({
      status: "STUDENT",
      regionCode: "440106",
      schoolName: "暨南大学",
    });
    expect(
      section(summarizeRecord({ person, work: student }, { regionLabel }), "work").rows,
    ).toEqual([
      { label: "在岗状态", value: "在校生" },
      { label: "所属行政区划", value: "广东省 广州市 天河区" },
      { label: "学校名称", value: "暨南大学" },
    ]);
  });

  it("专业技术信息: 是/否, levels, and 毕业年度 only for 已毕业", () => {
    const s = section(sections, "professional");
    expect(s.rows).toEqual([
      { label: "注册会计师", value: "是" },
      { label: "税务师", value: "否" },
      { label: "资产评估师", value: "否" },
      { label: "珠算等级", value: "二级" },
    ]);
    expect(s.lists[0]).toEqual({
      key: "qualifications",
      title: "专业技术资格",
      empty: "无",
      entries: [
        [
          { label: "类型", value: "会计类" },
          { label: "级别", value: "中级" },
          { label: "取得方式", value: "考试" },
          { label: "取得年份", value: "2015年" },
          { label: "证书编号", value: "Z1" },
        ],
      ],
    });
    expect(s.lists[1]!.title).toBe("高端会计人才");
    expect(s.lists[1]!.entries).toEqual([
      [
        { label: "人才类型", value: "高端会计人才" },
        { label: "入选年度", value: "2018年" },
        { label: "培养状态", value: "已毕业" },
        { label: "毕业年度", value: "2021年" },
      ],
      [
        { label: "人才类型", value: "国际化高端会计人才" },
        { label: "入选年度", value: "2022年" },
        { label: "培养状态", value: "培养中" },
      ],
    ]);
  });

  it("奖励信息: entries, or 无 when there are none", () => {
    expect(section(sections, "awards").lists).toEqual([
      {
        key: "awards",
        title: "奖励信息",
        empty: "无",
        entries: [
          [
            { label: "奖励名称", value: "先进会计工作者" },
            { label: "奖励级别", value: "地市级" },
            { label: "获奖年份", value: "2020年" },
          ],
        ],
      },
    ]);
    const none = summarizeRecord({ person, awards: { awards: [] } }, { regionLabel });
    expect(none).toHaveLength(1);
    expect(section(none, "awards").lists[0]).toMatchObject({ empty: "无", entries: [] });
  });

  it("shows only the steps present, and a code no longer in a table as stored", () => {
    const stale = { ...record.work!, postKind: "RETIRED" } as unknown as SummaryInput["work"];
    const s = summarizeRecord({ person, work: stale }, { regionLabel });
    expect(s.map((x) => x.step)).toEqual(["work"]);
    expect(s[0]!.rows.find((r) => r.label === "会计工作岗位")?.value).toBe("RETIRED");
  });
});

describe("formatMonth / formatDay", () => {
  it("writes months and days the Chinese way and flags a missing value", () => {
    expect(formatMonth("2012-07")).toBe("2012年07月");
    expect(formatMonth(undefined)).toBe("未填写");
    expect(formatDay("1990-03-07")).toBe("1990年03月07日");
    expect(formatDay(null)).toBe("未填写");
  });
});
