import { describe, expect, it } from "vitest";
import {
  editableNoticeBody,
  noticeBodyForDisplay,
  noticeBodyToHtml,
  sanitiseNoticeHtml,
} from "./sanitise";

const LINK = 'rel="noopener noreferrer" target="_blank"';

describe("sanitiseNoticeHtml", () => {
  it("keeps the allowed formatting", () => {
    const html =
      "<h3>标题</h3><p><strong>粗</strong><em>斜</em><u>下划线</u><br /></p>" +
      "<ol><li>一</li></ol><ul><li>二</li></ul>" +
      "<table><thead><tr><th>列</th></tr></thead><tbody><tr><td>值</td></tr></tbody></table><h4>小</h4>";
    expect(sanitiseNoticeHtml(html)).toBe(html);
  });

  it.each([
    ["javascript:", '<a href="javascript:alert(1)">x</a>'],
    ["javascript: in capitals and spaces", '<a href=" JaVaScRiPt:alert(1)">x</a>'],
    ["an entity-encoded scheme", '<a href="jav&#x61;script:alert(1)">x</a>'],
    ["a decimal entity scheme", '<a href="&#106;avascript:alert(1)">x</a>'],
    ["a tab inside the scheme", '<a href="java\tscript:alert(1)">x</a>'],
    ["data:", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ["vbscript:", '<a href="vbscript:msgbox(1)">x</a>'],
    ["a protocol-relative address", '<a href="//evil.example/">x</a>'],
  ])("drops a link's href for %s", (_, html) => {
    expect(sanitiseNoticeHtml(html)).toBe(`<a ${LINK}>x</a>`);
  });

  it("keeps http, https and mailto links and forces rel and target", () => {
    for (const href of ["http://a.example/", "https://a.example/x?y=1", "mailto:kj@a.example"]) {
      expect(sanitiseNoticeHtml(`<a href="${href}" target="_self" rel="opener">x</a>`)).toBe(
        `<a href="${href.replace("&", "&amp;")}" ${LINK}>x</a>`,
      );
    }
  });

  it("drops event handlers, styles, classes and ids", () => {
    expect(
      sanitiseNoticeHtml(
        '<p onclick="alert(1)" style="color:red" class="x" id="y">t</p><a href="https://a.example" onmouseover="x">l</a>',
      ),
    ).toBe(`<p>t</p><a href="https://a.example" ${LINK}>l</a>`);
  });

  it("drops images (onerror), scripts, styles, svg, iframes and forms with their content", () => {
    const out = sanitiseNoticeHtml(
      "<img src=x onerror=alert(1)><script>alert(1)</script><style>p{}</style>" +
        "<svg onload=alert(1)><script>alert(2)</script><text>svg</text></svg>" +
        '<iframe src="https://a.example">frame</iframe><math><mi>m</mi></math>' +
        '<form action="https://a.example"><input name=x><button>b</button></form>ok',
    );
    expect(out).toBe("bok");
    expect(out).not.toMatch(/alert|svg|frame|<img|<form|<input/);
  });

  it("does not let nested or split tags rebuild a script", () => {
    const out = sanitiseNoticeHtml("<scr<script>ipt>alert(1)</scr</script>ipt>");
    expect(out).not.toMatch(/<script/i);
    const nested = sanitiseNoticeHtml(
      '<p><strong><em><a href="javascript:x"><img src=x onerror=y></a></em></strong></p>',
    );
    expect(nested).toBe(`<p><strong><em><a ${LINK}></a></em></strong></p>`);
  });

  it("keeps escaped markup escaped", () => {
    expect(sanitiseNoticeHtml("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt;",
    );
    expect(sanitiseNoticeHtml('<a href="https://a.example/&quot;onclick=&quot;x">l</a>')).toBe(
      `<a href="https://a.example/&quot;onclick=&quot;x" ${LINK}>l</a>`,
    );
  });
});

describe("noticeBodyToHtml", () => {
  it("turns plain text into escaped paragraphs, a single line break into <br />", () => {
    expect(noticeBodyToHtml("第一段\r\n续行\n\n  \n第二段 a<b 且 c>d & e")).toBe(
      "<p>第一段<br />续行</p>\n\n<p>第二段 a&lt;b 且 c&gt;d &amp; e</p>",
    );
  });

  it("treats text as HTML once it holds an allowed tag, keeping typed blocks", () => {
    expect(noticeBodyToHtml("请 <strong>按时</strong> 提交\n\n<ul>\n<li>一</li>\n</ul>")).toBe(
      "<p>请 <strong>按时</strong> 提交</p>\n\n<ul>\n<li>一</li>\n</ul>",
    );
  });

  it("sanitises what it builds", () => {
    expect(noticeBodyToHtml('<p>a</p>\n\n<p onclick="x">b<img src=x onerror=alert(1)></p>')).toBe(
      "<p>a</p>\n\n<p>b</p>",
    );
  });

  it("gives the stored body back when the editor's text is saved unchanged", () => {
    for (const source of [
      "第一段 <strong>重要</strong>\n第二行\n\n<ul>\n<li>a</li>\n</ul>\n\n尾段 & 结束",
      "纯文本 & 符号 a<b\n\n第二段",
      '<h3>标题</h3>\n\n见 <a href="https://a.example">链接</a>',
    ]) {
      const stored = noticeBodyToHtml(source);
      expect(noticeBodyToHtml(editableNoticeBody(stored))).toBe(stored);
    }
    expect(editableNoticeBody("<p>一<br />二</p>\n\n<p>三</p>")).toBe("一\n二\n\n三");
    // A notice from before the editor keeps its paragraphs when it is first saved.
    const legacy = "第一段 a<b\n第二段";
    expect(noticeBodyToHtml(editableNoticeBody(legacy))).toBe(
      noticeBodyForDisplay(legacy).replace("\n", "\n\n"),
    );
  });
});

describe("noticeBodyForDisplay", () => {
  it("shows a body from before the editor as escaped paragraphs", () => {
    expect(noticeBodyForDisplay("第一段\n第二段 <b 且 c> & <script>alert(1)</script")).toBe(
      "<p>第一段</p>\n<p>第二段 &lt;b 且 c&gt; &amp; &lt;script&gt;alert(1)&lt;/script</p>",
    );
  });

  it("sanitises a stored HTML body again", () => {
    expect(
      noticeBodyForDisplay('<p>a</p><script>alert(1)</script><a href="javascript:x">l</a>'),
    ).toBe(`<p>a</p><a ${LINK}>l</a>`);
  });
});
