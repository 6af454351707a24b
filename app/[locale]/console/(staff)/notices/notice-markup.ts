// The editor's toolbar: each button puts one of the tags the sanitiser allows around the selected
// text of the 正文 textarea (lib/notice/sanitise.ts turns the text into the stored HTML). Pure,
// so the browser runs it and a unit test pins it.

export type MarkupKind = "bold" | "heading" | "list" | "ordered" | "link";

export interface Edited {
  text: string;
  /** The selection afterwards: the inserted text's editable part. */
  start: number;
  end: number;
}

const PLACEHOLDER: Record<MarkupKind, string> = {
  bold: "加粗文字",
  heading: "小标题",
  list: "列表项",
  ordered: "列表项",
  link: "链接文字",
};

/** An address a link may point to: the schemes the sanitiser keeps, no quotes or spaces. */
export function linkAddressOk(href: string): boolean {
  return /^(https?:\/\/[^\s"'<>]+|mailto:[^\s"'<>]+@[^\s"'<>]+)$/i.test(href);
}

/** Inline markup around the selection; the inner text stays selected. */
function inline(
  text: string,
  start: number,
  end: number,
  open: string,
  close: string,
  inner: string,
): Edited {
  const at = start + open.length;
  return {
    text: text.slice(0, start) + open + inner + close + text.slice(end),
    start: at,
    end: at + inner.length,
  };
}

/** A block (heading, list) on its own, blank lines around it as the paragraphs' separator. */
function block(
  text: string,
  start: number,
  end: number,
  open: string,
  inner: string,
  close: string,
): Edited {
  const before = text.slice(0, start).replace(/\s+$/, "");
  const after = text.slice(end).replace(/^\s+/, "");
  const head = `${before}${before ? "\n\n" : ""}${open}`;
  return {
    text: `${head}${inner}${close}${after ? "\n\n" : ""}${after}`,
    start: head.length,
    end: head.length + inner.length,
  };
}

export function applyMarkup(
  text: string,
  start: number,
  end: number,
  kind: MarkupKind,
  href = "",
): Edited {
  const selected = text.slice(start, end).trim() || PLACEHOLDER[kind];
  switch (kind) {
    case "bold":
      return inline(text, start, end, "<strong>", "</strong>", selected);
    case "link":
      return inline(text, start, end, `<a href="${href}">`, "</a>", selected);
    case "heading":
      return block(text, start, end, "<h3>", selected.replace(/\s*\n\s*/g, " "), "</h3>");
    case "list":
    case "ordered": {
      const tag = kind === "list" ? "ul" : "ol";
      const items = selected
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => `<li>${line}</li>`)
        .join("\n");
      return block(text, start, end, `<${tag}>\n`, items, `\n</${tag}>`);
    }
  }
}
