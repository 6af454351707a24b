// 姓名 validation. Accepts what real documents carry: rare characters outside the BMP
// (CJK Ext B+, counted by code point), the ethnic-minority middle dot (买买提·艾力) and
// Latin-script foreign names. Platforms that replace rare characters with "*" are what the
// users complain about (domain notes), so nothing Han is refused.

export type PersonNameResult =
  { ok: true; normalized: string; script: "han" | "latin" } | { ok: false; message: string };

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 50;

/** The one middle dot we store: U+00B7, as printed on 居民身份证. */
export const MIDDLE_DOT = "\u00B7";

// Look-alikes typed by IMEs and copied from documents: • (U+2022), ・ (U+30FB), ･ (U+FF65),
// ‧ (U+2027), ∙ (U+2219), ⋅ (U+22C5), · (U+0387 Greek ano teleia), ● is not included.
const DOT_VARIANTS = /[\u2022\u30FB\uFF65\u2027\u2219\u22C5\u0387]/g;
// Ideographic variation selectors may follow a Han character to pin a rare glyph.
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * NFC, unify middle dots and apostrophes, trim, collapse spaces, drop spaces around the dot and
 * between Han characters ("张 三" is always 张三: Chinese names have no spaces).
 */
export function normalizePersonName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(DOT_VARIANTS, MIDDLE_DOT)
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?\u00B7 ?/g, MIDDLE_DOT)
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, "");
}

export function validatePersonName(raw: string): PersonNameResult {
  const normalized = normalizePersonName(raw);
  if (normalized === "") return fail("请输入姓名");

  const chars = Array.from(normalized);
  let han = 0;
  let latin = 0;
  for (const [i, ch] of chars.entries()) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
    else if (/\p{Nd}/u.test(ch)) return fail("姓名不能包含数字");
    else if (VARIATION_SELECTOR.test(ch)) {
      if (i === 0 || !HAN.test(chars[i - 1] ?? "")) return fail("姓名中有无法识别的字符");
    } else if (ch === " " || ch === "-" || ch === "'" || ch === "." || ch === MIDDLE_DOT) continue;
    else if (/[\p{Co}\p{Cn}\p{Cc}\p{Cf}]/u.test(ch)) {
      // Private-use code points are how some old systems stored rare characters: they are not
      // portable, so ask for the standard character.
      return fail("姓名中有无法识别的字符，生僻字请用支持Unicode的输入法输入");
    } else if (/\p{L}/u.test(ch)) {
      // Cyrillic, kana, Hangul…: documents here carry the Latin transliteration.
      return fail("外文姓名请按证件上的拉丁字母拼写填写");
    } else return fail(`姓名不能包含符号“${ch}”`);
  }

  if (han > 0 && latin > 0) return fail("姓名不能同时包含汉字和外文字母");
  if (han === 0 && latin === 0) return fail("姓名应由汉字或外文字母组成");

  const length = chars.filter((ch) => !VARIATION_SELECTOR.test(ch)).length;
  if (length > NAME_MAX_LENGTH) return fail(`姓名不能超过${NAME_MAX_LENGTH}个字`);

  if (han > 0) {
    // Han names: no spaces or Latin punctuation, dots only between characters.
    if (/[ \-'.]/.test(normalized))
      return fail("中文姓名不能包含空格或标点，少数民族姓名请用间隔号“·”");
    if (normalized.startsWith(MIDDLE_DOT) || normalized.endsWith(MIDDLE_DOT)) {
      return fail("间隔号“·”只能用在姓名中间");
    }
    if (normalized.includes(MIDDLE_DOT + MIDDLE_DOT)) return fail("间隔号“·”不能连续使用");
    if (han < NAME_MIN_LENGTH) return fail("中文姓名至少2个字");
    return { ok: true, normalized, script: "han" };
  }

  if (!LATIN.test(chars[0] ?? "")) return fail("外文姓名应以字母开头");
  if (/([\-'.\u00B7])\1/.test(normalized)) return fail("外文姓名中的标点不能连续重复");
  if (length < NAME_MIN_LENGTH) return fail("外文姓名至少2个字母");
  return { ok: true, normalized, script: "latin" };
}

function fail(message: string): PersonNameResult {
  return { ok: false, message };
}
