import { describe, expect, it } from "vitest";
import { summarizeStep } from "@/lib/collection/summary";
import { SAMPLE_PERSON, sampleSnapshot } from "@/lib/collection/test-support";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { sectionInLanguage } from "./section-text";

const zh = messagesFor("zh-CN").Lib;
const toEnglish = sourceTextTranslator(zh, messagesFor("en").Lib);
const snapshot = sampleSnapshot();
const options = { regionLabel: () => "广东省 广州市 天河区" };
const section = (step: "personal" | "education" | "professional") =>
  summarizeStep(step, { ...snapshot, person: SAMPLE_PERSON }, options)!;

describe("确认信息's summary in English", () => {
  it("says the labels, titles and summary.ts's words in English, dates ISO-style", () => {
    const personal = sectionInLanguage(section("personal"), toEnglish, true);
    expect(personal.title).toBe("Personal details");
    expect(personal.rows).toContainEqual({ label: "Gender", value: "Male" });
    expect(personal.rows).toContainEqual({ label: "Date of birth", value: "1990-05-17" });
    expect(personal.rows).toContainEqual({
      label: "Document type (证件类型)",
      value: "Resident Identity Card (居民身份证)",
    });
    expect(personal.attachments[0]!.label).toBe("Your ID photo, bareheaded");

    const education = sectionInLanguage(section("education"), toEnglish, true);
    expect(education.lists.map((l) => [l.title, l.empty])).toEqual([
      ["Full-time education", "Not filled in"],
      ["Part-time education", "None"],
    ]);
    expect(education.lists[0]!.entries[0]).toContainEqual({ label: "School", value: "中山大学" });
    expect(education.lists[0]!.entries[0]).toContainEqual({ label: "Enrolled", value: "2008-09" });
  });

  it("leaves code tables' names Chinese, a 是/否 in English", () => {
    const professional = sectionInLanguage(section("professional"), toEnglish, true);
    expect(professional.rows).toContainEqual({
      label: "Certified public accountant (注册会计师)",
      value: "No",
    });
    // 珠算等级 "无" is the table's name for the level, not summary.ts's "none"
    expect(professional.rows).toContainEqual({ label: "Abacus level (珠算等级)", value: "无" });
  });

  it("changes nothing in 简体中文", () => {
    const same = sectionInLanguage(section("education"), sourceTextTranslator(zh, zh), false);
    expect(same).toEqual(section("education"));
  });
});
