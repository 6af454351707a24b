import "server-only";
import sanitizeHtml from "sanitize-html";

// 通知公告 bodies are HTML written by finance staff and shown to everybody on the portal. Every
// write stores what this allow-list leaves, and every read passes it again before React renders
// it with dangerouslySetInnerHTML: text formatting, lists, two heading levels, plain tables and
// links to web pages or mail addresses — no styles, images, scripts, forms or embedded documents.

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "u",
    "ol",
    "ul",
    "li",
    "h3",
    "h4",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  // rel and target are set by transformTags below, whatever the source said.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Dropped with everything inside them, not just their tags.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "template",
    "title",
    "select",
    "head",
  ],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href ? { href: attribs.href } : {}),
        rel: "noopener noreferrer",
        target: "_blank",
      },
    }),
  },
};

/** The allowed part of `html`; safe for dangerouslySetInnerHTML. */
export function sanitiseNoticeHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const ALLOWED = "p|br|strong|em|u|ol|ul|li|h3|h4|a|table|thead|tbody|tr|th|td";
/** An allowed tag: what makes a body HTML rather than text ("a<b 且 c>d" stays text). */
const TAG = new RegExp(`</?(${ALLOWED})(\\s[^<>]*)?/?>`, "i");
/** A character reference, as a stored body unwrapped for the editor keeps them. */
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
const BLOCK = /^<(p|ul|ol|h3|h4|table)\b/i;

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * What the editor's text becomes when stored: paragraphs separated by blank lines, a single line
 * break kept as <br>, blocks typed as HTML (a list, a heading) kept as they are. Text with neither
 * an allowed tag nor a character reference is text, so "a<b" stays "a<b". Sanitised.
 */
export function noticeBodyToHtml(source: string): string {
  const text = source.replace(/\r\n?/g, "\n");
  const markup = TAG.test(text) || ENTITY.test(text);
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => (markup ? b : escapeText(b)))
    .map((b) => (BLOCK.test(b) ? b : `<p>${b.replace(/\n/g, "<br />")}</p>`));
  // Blocks never hold a blank line, so editableNoticeBody can split them apart again.
  return sanitiseNoticeHtml(blocks.join("\n\n"));
}

/**
 * The HTML the portal shows for a stored body: a notice from before the editor (plain text, no
 * tag) as escaped paragraphs, one per line; anything else sanitised again.
 */
export function noticeBodyForDisplay(stored: string): string {
  if (TAG.test(stored)) return sanitiseNoticeHtml(stored);
  return stored
    .split(/\r?\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join("\n");
}

/**
 * A stored body as the editor shows it again: simple paragraphs unwrapped to text separated by
 * blank lines, so noticeBodyToHtml(editableNoticeBody(b)) gives b back.
 */
export function editableNoticeBody(stored: string): string {
  // A notice from before the editor: each line was a paragraph.
  if (!TAG.test(stored))
    return stored
      .split(/\r?\n+/)
      .map((p) => p.trim())
      .filter(Boolean)
      .join("\n\n");
  return stored
    .split("\n\n")
    .map((block) => {
      const p = /^<p>([\s\S]*)<\/p>$/.exec(block);
      return p && !p[1]!.includes("<p") ? p[1]!.replace(/<br \/>/g, "\n") : block;
    })
    .join("\n\n");
}
