import { describe, expect, it } from "vitest";
import { CHANGE_STALE, NO_CHANGE } from "@/lib/change/change-service";
import { IMMUTABLE_FIELDS } from "@/lib/change/immutable";
import { CHANGE_ITEMS, EDIT_INVALID, ENTRY_GONE, NOT_CHANGEABLE } from "@/lib/change/items";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { REGION_LOCKED } from "@/lib/person/locks";

// 信息变更 names its items, the fixed fields and their reasons, and its refusals with the
// domain's Chinese, shown through the "Lib" catalogue: each has its English.

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

describe("信息变更 in English", () => {
  it("has English for the items, the fixed fields and the refusals", () => {
    const texts = [
      ...CHANGE_ITEMS.flatMap((i) => [i.label, ...i.lists.map((l) => l.label)]),
      ...IMMUTABLE_FIELDS.flatMap((f) => [f.label, f.reason, f.instead]),
      REGION_LOCKED,
      ENTRY_GONE,
      NOT_CHANGEABLE,
      EDIT_INVALID,
      CHANGE_STALE,
      NO_CHANGE,
    ];
    for (const m of texts) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });
});
