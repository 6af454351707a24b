import { pinyin } from "pinyin-pro";

// The keys a name is found by in 人员查询: the name itself, its full pinyin ("zhangsanfeng") and its
// initials ("zsf"), lower case, without tones, spaces or the middle dot of minority and foreign
// names. Surnames take their surname reading (单 shan, 曾 zeng), which is what staff type. Latin
// letters in a name (foreign passport holders) are kept as typed, lower case; anything else is
// dropped. The projection and the bulk seed both compute keys here, so a search finds a seeded
// person exactly as it finds a registered one.

export interface NameKeys {
  pinyin: string;
  initials: string;
}

const LATIN = /^[a-z]+$/;

export function nameKeys(name: string): NameKeys {
  const syllables = pinyin(name.normalize("NFKC"), {
    toneType: "none",
    type: "array",
    surname: "head",
    v: true,
    nonZh: "consecutive",
  });
  const words = syllables
    .flatMap((s) => s.toLowerCase().split(/[^a-z]+/))
    .filter((w) => LATIN.test(w));
  return { pinyin: words.join(""), initials: words.map((w) => w[0]).join("") };
}

/**
 * What a typed query means: letters only → pinyin or initials; anything with a 汉字 → the name.
 * Returns the normalised query (lower-case letters, or the trimmed name) or null when empty.
 */
export function nameQuery(
  raw: string,
): { kind: "pinyin"; value: string } | { kind: "name"; value: string } | null {
  const text = raw.normalize("NFKC").trim();
  if (!text) return null;
  const letters = text.toLowerCase().replace(/[\s·.'-]+/g, "");
  if (LATIN.test(letters)) return { kind: "pinyin", value: letters };
  return { kind: "name", value: text.replace(/\s+/g, "") };
}
