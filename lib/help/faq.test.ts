import { readdirSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS } from "@/lib/jurisdiction/ce-thresholds";
import { ceRequirement, faqGroups, type FaqContext, type FaqTranslator } from "./faq";
import { filterFaq, searchTerms } from "./faq-search";

/** The "HelpFaq" messages of a locale, as the page reads them; a missing one fails the test. */
function faqText(locale: Locale): FaqTranslator {
  return createTranslator({
    locale,
    messages: messagesFor(locale),
    namespace: "HelpFaq",
    onError: (error) => {
      throw error;
    },
  });
}

const zh = faqText("zh-CN");
const en = faqText("en");
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

const GUANGDONG: FaqContext = {
  workArea: "广东省内（除深圳）",
  excludedNames: ["深圳市"],
  ce: GUANGDONG_CE_THRESHOLDS,
};

/** Every page route of the app: app/[locale]/**\/page.tsx (URLs carry no locale: proxy.ts) with route groups "(…)" left out. */
function pageRoutes(): Set<string> {
  const root = path.resolve(import.meta.dirname, "../../app/[locale]");
  const routes = new Set<string>();
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const own = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
        walk(path.join(dir, entry.name), [...segments, ...own]);
      } else if (entry.name === "page.tsx") {
        routes.add(`/${segments.join("/")}`);
      }
    }
  };
  walk(root, []);
  return routes;
}

describe("常见问题", () => {
  const groups = faqGroups(GUANGDONG, zh);
  const items = groups.flatMap((g) => g.items);

  it("answers the questions people bring to the finance departments", () => {
    const questions = items.map((i) => i.question).join("\n");
    for (const topic of [
      "截止",
      "该证件号码已注册",
      "忘记密码",
      "手机号码换了",
      "继续教育每年要多少学分",
      "调出",
      "调入",
      "由谁审核",
      "信息已采集",
      "已经在深圳市办理过信息采集",
    ]) {
      expect(questions).toContain(topic);
    }
  });

  it("has unique anchors, and every link leads to a page of the platform", () => {
    const ids = [...groups.map((g) => g.id), ...items.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const routes = pageRoutes();
    for (const item of items) {
      for (const link of item.links) {
        expect(routes, `${item.id} → ${link.href}`).toContain(link.href.replace(/#.*$/, ""));
      }
    }
  });

  it("speaks of this deployment: its area, its own platforms elsewhere, its credits", () => {
    const text = JSON.stringify(groups);
    expect(text).toContain("在广东省内（除深圳）从事会计工作");
    expect(text).toContain("公需科目不少于30学分");
    const beijing = JSON.stringify(
      faqGroups({ workArea: "北京市内", excludedNames: [], ce: NATIONAL_CE_THRESHOLDS }, zh),
    );
    expect(beijing).not.toContain("深圳");
    expect(beijing).toContain("专业科目一般不少于当年所得学分的三分之二");
  });

  it("states the yearly credits from the thresholds", () => {
    expect(ceRequirement(GUANGDONG_CE_THRESHOLDS, zh)).toBe(
      "每年不少于90学分，其中公需科目不少于30学分、专业科目不少于60学分",
    );
    expect(ceRequirement(NATIONAL_CE_THRESHOLDS, zh)).toBe(
      "每年不少于90学分，专业科目一般不少于当年所得学分的三分之二",
    );
    expect(
      ceRequirement(
        {
          ...NATIONAL_CE_THRESHOLDS,
          minProfessionalShare: { numerator: 3, denominator: 5 },
        },
        zh,
      ),
    ).toContain("3/5");
  });

  it("keeps each answer's paragraphs and the configured words", () => {
    const item = items.find((i) => i.id === "forgot-password")!;
    expect(item.answer).toHaveLength(2);
    expect(item.answer[0]).toBe(
      "在登录页点击“找回密码”，输入证件号码和注册时的手机号码，通过短信验证后设置新密码。",
    );
    expect(item.links.map((l) => l.label)).toEqual(["找回密码", "账号申诉", "财政部门联系方式"]);
    const credits = items.find((i) => i.id === "ce-credits")!;
    expect(credits.answer[0]).toMatch(
      /^每年不少于90学分，.*（粤财会函〔2020〕4号）。学分按自然年度计算/,
    );
  });

  it("asks the same questions in English, named in Chinese only in brackets", () => {
    const english = faqGroups(
      {
        workArea: "Guangdong (except Shenzhen)",
        excludedNames: ["Shenzhen"],
        ce: GUANGDONG_CE_THRESHOLDS,
      },
      en,
    );
    const ids = (gs: typeof groups) => gs.flatMap((g) => g.items.map((i) => i.id));
    expect(ids(english)).toEqual(ids(groups));
    for (const group of english) {
      expect(group.title).not.toMatch(HAN_OUTSIDE_BRACKETS);
      for (const item of group.items) {
        const texts = [item.question, ...item.answer, ...item.links.map((l) => l.label)];
        for (const text of texts) expect(text, item.id).not.toMatch(HAN_OUTSIDE_BRACKETS);
        expect(item.answer.length, item.id).toBe(
          groups.flatMap((g) => g.items).find((i) => i.id === item.id)!.answer.length,
        );
      }
    }
    expect(ceRequirement(NATIONAL_CE_THRESHOLDS, en)).toBe(
      "at least 90 credits a year, professional subjects (专业科目) as a rule at least two thirds of the credits earned that year",
    );
    expect(
      filterFaq(english, "forgot password").flatMap((g) => g.items.map((i) => i.id)),
    ).toContain("forgot-password");
  });
});

describe("常见问题 search", () => {
  const groups = faqGroups(GUANGDONG, zh);
  const ids = (query: string) => filterFaq(groups, query).flatMap((g) => g.items.map((i) => i.id));

  it("reads words between spaces and punctuation, full-width forms as ASCII", () => {
    expect(searchTerms(" 忘记 密码？")).toEqual(["忘记", "密码"]);
    expect(searchTerms("ＰＤＦ")).toEqual(["pdf"]);
    expect(searchTerms("？！ ")).toEqual([]);
  });

  it("keeps every question for an empty query", () => {
    expect(ids("")).toHaveLength(groups.flatMap((g) => g.items).length);
  });

  it("finds by question, answer or the words people use, every word required", () => {
    expect(ids("忘记密码")).toContain("forgot-password");
    expect(ids("密码忘了")).toEqual(["forgot-password"]);
    expect(ids("验证码")).toContain("sms-code");
    expect(ids("pdf")).toContain("verify-archive");
    expect(ids("学分 撤回")).toEqual(expect.arrayContaining(["ce-claim"]));
    expect(ids("学分 撤回")).not.toContain("sms-code");
    expect(ids("没有这样的问题")).toEqual([]);
  });

  it("leaves out groups with nothing found", () => {
    const found = filterFaq(groups, "申诉");
    expect(found.every((g) => g.items.length > 0)).toBe(true);
    expect(found.map((g) => g.id)).not.toContain("faq-ce");
  });
});
