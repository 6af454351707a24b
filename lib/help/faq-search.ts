import type { FaqGroup, FaqItem } from "./faq";

// The 帮助 page's search over 常见问题, run in the browser as the visitor types: an item matches
// when every word of the query appears in its question, answer, links or keywords. Chinese is
// written without spaces, so a word is whatever lies between spaces or punctuation ("忘记 密码",
// "忘记密码？"); full-width letters and digits read as their ASCII forms.

/** The query's words, normalised; [] for a query of nothing but spaces and punctuation. */
export function searchTerms(query: string): string[] {
  return query
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}

function haystack(item: FaqItem, group: FaqGroup): string {
  return [
    group.title,
    item.question,
    ...item.answer,
    ...item.links.map((l) => l.label),
    item.keywords,
  ]
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
}

/** The groups with only their matching items, empty groups left out; all of them for no words. */
export function filterFaq(groups: readonly FaqGroup[], query: string): FaqGroup[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => {
        const text = haystack(item, group);
        return terms.every((t) => text.includes(t));
      }),
    }))
    .filter((group) => group.items.length > 0);
}
