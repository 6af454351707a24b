import { describe, expect, it } from "vitest";
import type { CollectionSnapshot } from "@/lib/collection/archive-service";
import { educationSchema } from "@/lib/collection/schemas/education";
import { professionalSchema } from "@/lib/collection/schemas/professional";
import { workSchema } from "@/lib/collection/schemas/work";
import {
  SAMPLE_ATTACHMENT_IDS,
  SAMPLE_EDUCATION_ENTRY,
  sampleSnapshot,
  TEST_CONTEXT,
} from "@/lib/collection/test-support";
import { diffSnapshots, diffStep, type FieldChange, formatChange, parseFieldChanges } from "./diff";

const ctx = TEST_CONTEXT;
const { HEADSHOT: OLD_PHOTO, EMBLEM } = SAMPLE_ATTACHMENT_IDS;
const NEW_PHOTO = "9f6c5e2a-3f1d-4c1e-9a55-1d2b3c4d5e6f";
const CARD = "3b6c5e2a-3f1d-4c1e-9a55-1d2b3c4d5e6f";

const REGIONS: Record<string, string> = {
  "440106": "广东省 广州市 天河区",
  "440305": "广东省 深圳市 南山区",
};
const options = { regionLabel: (code: string) => REGIONS[code] ?? code };

const entry = (school: string, enrolledOn: string, graduatedOn: string) => ({
  ...SAMPLE_EDUCATION_ENTRY, // 大学本科毕业, 学士, 会计学
  school,
  enrolledOn,
  graduatedOn,
});
const A = entry("中山大学", "2008-09", "2012-07");
const B = entry("暨南大学", "2012-09", "2014-07");
const C = entry("华南理工大学", "2014-09", "2016-07");

// The sample record (出纳 at 华为 in 天河区 since 2012, no 专业技术资格, no awards) with three
// 全日制 entries.
const v1 = sampleSnapshot({ education: { fullTime: [A, B, C] } });

function withStep<K extends keyof CollectionSnapshot>(
  key: K,
  value: CollectionSnapshot[K],
): CollectionSnapshot {
  return { ...v1, [key]: value };
}

const fullTime = (...entries: object[]) =>
  withStep("education", educationSchema(ctx).parse({ fullTime: entries }));

describe("diffStep", () => {
  it("an unchanged record has no changes", () => {
    const copy = structuredClone(v1);
    expect(diffSnapshots(v1, copy, options)).toEqual([]);
    for (const step of ["personal", "education", "work", "professional", "awards"] as const) {
      expect(diffStep(step, v1, copy, options)).toEqual([]);
    }
  });

  it("an email change", () => {
    const after = withStep("personal", { ...v1.personal, email: "li@example.com" });
    const changes = diffStep("personal", v1, after, options);
    expect(changes).toEqual([
      {
        path: "personal.email",
        label: "个人信息 › 电子邮箱",
        before: "zhangsan@example.com",
        after: "li@example.com",
      },
    ]);
    expect(changes.map(formatChange)).toEqual([
      "个人信息 › 电子邮箱: zhangsan@example.com → li@example.com",
    ]);
    // Other steps did not change.
    expect(diffStep("education", v1, after, options)).toEqual([]);
  });

  it("an edited education entry: only its changed fields, in display form", () => {
    const after = fullTime(A, { ...B, school: "广东财经大学", graduatedOn: "2015-07" }, C);
    expect(diffStep("education", v1, after, options).map(formatChange)).toEqual([
      "学历信息 › 全日制教育 第2条 › 毕业院校: 暨南大学 → 广东财经大学",
      "学历信息 › 全日制教育 第2条 › 毕业时间: 2014年07月 → 2015年07月",
    ]);
    expect(diffStep("education", v1, after, options).map((c) => c.path)).toEqual([
      "education.fullTime.1.school",
      "education.fullTime.1.graduatedOn",
    ]);
  });

  it("code values read as their labels, booleans as 是/否", () => {
    const after = fullTime(A, B, { ...C, level: "14", degree: "MASTER", inStudy: true });
    expect(diffStep("education", v1, after, options).map(formatChange)).toEqual([
      "学历信息 › 全日制教育 第3条 › 学历: 大学本科毕业 → 硕士研究生毕业",
      "学历信息 › 全日制教育 第3条 › 学位: 学士 → 硕士",
      "学历信息 › 全日制教育 第3条 › 在读: 否 → 是",
    ]);
  });

  it("an added entry shows its fields with no old value", () => {
    const after = withStep(
      "education",
      educationSchema(ctx).parse({ fullTime: [A, B, C], partTime: [B] }),
    );
    const changes = diffStep("education", v1, after, options);
    expect(changes.every((c) => c.before === null)).toBe(true);
    expect(changes.map((c) => c.path)).toEqual([
      "education.partTime.0.level",
      "education.partTime.0.degree",
      "education.partTime.0.school",
      "education.partTime.0.major",
      "education.partTime.0.enrolledOn",
      "education.partTime.0.graduatedOn",
      "education.partTime.0.inStudy",
    ]);
    expect(formatChange(changes[2]!)).toBe(
      "学历信息 › 非全日制教育 第1条 › 毕业院校: （空） → 暨南大学",
    );
  });

  it("a removed entry in the middle reads as that entry removed, not the next ones rewritten", () => {
    const changes = diffStep("education", v1, fullTime(A, C), options);
    expect(changes.every((c) => c.after === null)).toBe(true);
    expect(changes.every((c) => c.path.startsWith("education.fullTime.1."))).toBe(true);
    expect(changes.find((c) => c.path.endsWith(".school"))).toEqual({
      path: "education.fullTime.1.school",
      label: "学历信息 › 全日制教育 第2条 › 毕业院校",
      before: "暨南大学",
      after: null,
    });
    expect(changes).toHaveLength(7);
  });

  it("a region change, by the region's name", () => {
    const after = withStep("work", { ...v1.work, regionCode: "440305" });
    expect(diffStep("work", v1, after, options)).toEqual([
      {
        path: "work.regionCode",
        label: "工作信息 › 所属行政区划",
        before: "广东省 广州市 天河区",
        after: "广东省 深圳市 南山区",
      },
    ]);
  });

  it("a status change: the fields that went and came", () => {
    const after = withStep(
      "work",
      workSchema(ctx).parse({ status: "STUDENT", regionCode: "440106", schoolName: "中山大学" }),
    );
    expect(diffStep("work", v1, after, options).map(formatChange)).toEqual([
      "工作信息 › 在岗状态: 会计工作岗位 → 在校生",
      "工作信息 › 学校名称: （空） → 中山大学",
      "工作信息 › 工作单位名称: 华为技术有限公司 → （空）",
      "工作信息 › 统一社会信用代码: 914403001922038216 → （空）",
      "工作信息 › 会计工作岗位: 出纳 → （空）",
      "工作信息 › 从事会计工作年份: 2012年 → （空）",
    ]);
  });

  it("a replaced attachment: named by what it is, with both ids kept", () => {
    const after = withStep("personal", { ...v1.personal, headshotId: NEW_PHOTO });
    const changes = diffStep("personal", v1, after, options);
    expect(changes).toEqual([
      {
        path: "personal.headshotId",
        label: "个人信息 › 本人免冠证件照",
        before: "已上传",
        after: "已更换",
        attachmentIds: { before: OLD_PHOTO, after: NEW_PHOTO },
      },
    ]);
    expect(formatChange(changes[0]!)).toBe("个人信息 › 本人免冠证件照: 已上传 → 已更换");
    expect(formatChange(changes[0]!)).not.toContain(OLD_PHOTO);
  });

  it("an added or removed attachment, and a document page by its page id", () => {
    const card = withStep("personal", { ...v1.personal, studentCardId: CARD });
    expect(diffStep("personal", v1, card, options)).toEqual([
      {
        path: "personal.studentCardId",
        label: "个人信息 › 学生证",
        before: null,
        after: "已上传",
        attachmentIds: { before: null, after: CARD },
      },
    ]);
    expect(diffStep("personal", card, v1, options)[0]).toMatchObject({
      before: "已上传",
      after: null,
      attachmentIds: { before: CARD, after: null },
    });
    const page = withStep("personal", {
      ...v1.personal,
      documentPageIds: { PORTRAIT: NEW_PHOTO, EMBLEM },
    });
    expect(diffStep("personal", v1, page, options).map((c) => [c.path, c.label])).toEqual([
      ["personal.documentPageIds.PORTRAIT", "个人信息 › 身份证人像面"],
    ]);
  });

  it("every field summarizeStep shows has a path in the snapshot, not a label", () => {
    const full = {
      ...v1,
      personal: { ...v1.personal, studentCardId: CARD },
      education: educationSchema(ctx).parse({ fullTime: [A], partTime: [B] }),
      professional: professionalSchema(ctx).parse({
        ...v1.professional,
        qualifications: [
          { type: "ACCOUNTING", level: "SENIOR", method: "EXAM", year: 2020, certificateNo: "Z" },
        ],
        talents: [
          { type: "HIGH_END", selectedYear: 2018, status: "GRADUATED", graduatedYear: 2021 },
        ],
      }),
      awards: { awards: [{ name: "先进会计工作者", level: "MUNICIPAL", year: 2020 }] },
    } as CollectionSnapshot;
    const nothing = { person: { ...v1.person, name: "" } } as CollectionSnapshot;
    const changes: FieldChange[] = diffSnapshots(nothing, full, options);
    // A path that fell back to a label would contain Chinese characters.
    expect(changes.filter((c) => /[\u4e00-\u9fff]/.test(c.path)).map((c) => c.label)).toEqual([]);
    expect(changes.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        "person.name",
        "personal.ethnicGroup",
        "personal.documentPageIds.EMBLEM",
        "work.employerCreditCode",
        "professional.qualifications.0.certificateNo",
        "professional.talents.0.graduatedYear",
        "awards.awards.0.level",
      ]),
    );
    expect(changes.find((c) => c.path === "awards.awards.0.name")?.label).toBe(
      "奖励信息 第1条 › 奖励名称",
    );
  });
});

describe("parseFieldChanges", () => {
  it("reads the changes a version stores back as they were written, and none for none", () => {
    const photo = withStep("personal", { ...v1.personal, headshotId: NEW_PHOTO });
    const written = [
      ...diffStep("education", v1, fullTime(A, C), options),
      ...diffStep("personal", v1, photo, options),
    ];
    expect(written.some((c) => c.attachmentIds)).toBe(true);
    expect(parseFieldChanges(JSON.parse(JSON.stringify(written)))).toEqual(written);
    expect(parseFieldChanges(null)).toEqual([]);
  });

  it("fails loudly on anything else", () => {
    expect(() => parseFieldChanges({ path: "personal.email" })).toThrow();
    expect(() => parseFieldChanges([{ path: "personal.email", label: "电子邮箱" }])).toThrow();
    expect(() => parseFieldChanges([{ path: "a", label: "b", before: 1, after: null }])).toThrow();
  });
});
