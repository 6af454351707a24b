import { describe, expect, it } from "vitest";
import { applyMarkup, linkAddressOk } from "./notice-markup";

describe("the editor's toolbar", () => {
  it("wraps the selection in <strong> and keeps the words selected", () => {
    const r = applyMarkup("请按时提交", 1, 3, "bold");
    expect(r.text).toBe("请<strong>按时</strong>提交");
    expect(r.text.slice(r.start, r.end)).toBe("按时");
  });

  it("inserts a placeholder where nothing is selected", () => {
    const r = applyMarkup("", 0, 0, "bold");
    expect(r.text).toBe("<strong>加粗文字</strong>");
    expect(r.text.slice(r.start, r.end)).toBe("加粗文字");
  });

  it("puts a heading in a paragraph of its own", () => {
    const r = applyMarkup("前文\n标题\n后文", 3, 5, "heading");
    expect(r.text).toBe("前文\n\n<h3>标题</h3>\n\n后文");
    expect(r.text.slice(r.start, r.end)).toBe("标题");
  });

  it("turns the selected lines into list items", () => {
    expect(applyMarkup("一\n二\n\n三", 0, 4, "list").text).toBe(
      "<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n\n三",
    );
    expect(applyMarkup("说明：", 3, 3, "ordered").text).toBe(
      "说明：\n\n<ol>\n<li>列表项</li>\n</ol>",
    );
  });

  it("links the selection to an address", () => {
    expect(applyMarkup("见通知", 1, 3, "link", "https://czt.gd.gov.cn/").text).toBe(
      '见<a href="https://czt.gd.gov.cn/">通知</a>',
    );
  });

  it("accepts web and mail addresses only, without quotes or spaces", () => {
    expect(linkAddressOk("https://czt.gd.gov.cn/a?b=1")).toBe(true);
    expect(linkAddressOk("http://example.com")).toBe(true);
    expect(linkAddressOk("mailto:kj@example.com")).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      'https://a.example/" onclick="x',
      "https://a b",
      "ftp://a.example",
      "//a.example",
      "mailto:nobody",
      "",
    ]) {
      expect(linkAddressOk(bad)).toBe(false);
    }
  });
});
