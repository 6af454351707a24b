import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GUANGDONG_CE_THRESHOLDS, NATIONAL_CE_THRESHOLDS } from "@/lib/jurisdiction/ce-thresholds";
import { ceRequirement, faqGroups, type FaqContext } from "./faq";
import { filterFaq, searchTerms } from "./faq-search";

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
  const groups = faqGroups(GUANGDONG);
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
      faqGroups({ workArea: "北京市内", excludedNames: [], ce: NATIONAL_CE_THRESHOLDS }),
    );
    expect(beijing).not.toContain("深圳");
    expect(beijing).toContain("专业科目一般不少于当年所得学分的三分之二");
  });

  it("states the yearly credits from the thresholds", () => {
    expect(ceRequirement(GUANGDONG_CE_THRESHOLDS)).toBe(
      "每年不少于90学分，其中公需科目不少于30学分、专业科目不少于60学分",
    );
    expect(ceRequirement(NATIONAL_CE_THRESHOLDS)).toBe(
      "每年不少于90学分，专业科目一般不少于当年所得学分的三分之二",
    );
    expect(
      ceRequirement({
        ...NATIONAL_CE_THRESHOLDS,
        minProfessionalShare: { numerator: 3, denominator: 5 },
      }),
    ).toContain("3/5");
  });
});

describe("常见问题 search", () => {
  const groups = faqGroups(GUANGDONG);
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
