-- 人员查询 by name at province scale (issue 11, `npm run bench -- --only console`): each name walk
-- and each bounded count should read its index alone, never one random heap page per match.
--   - 汉字 ("张伟", a few hundred to a few thousand in a province): the page gathers the matches'
--     ids and pinyin and sorts them in memory; with both in the index that is an index-only scan
--     (500 matches, cold cache: 29 ms → 3 ms).
--   - a surname ("张", or any 汉字 query matching more than the count's bound): walked in pinyin
--     order within the people whose name starts with that character (the search adds that
--     condition), where walking everyone's pinyin index for "张…" read 1.7 M rows (10 s) before
--     the first 张; now 21 rows. The name is included, so a longer query filters in the index.
--   - pinyin ("ch…"): the scope's region code is in the pinyin index, so the walk checks it there.
--     Without it the planner preferred scanning the whole 汉字 index of the province for its
--     pinyin (1.65 M entries, 0.75 s); now 8 ms.
--   - initials ("zsl"): the count needs the id (it merges the pinyin and the initials matches), and
--     the page's walks read ids and pinyin only, so the initials index carries both (1,558
--     matches: 44 ms → 3 ms). The planner often takes this index for a page of "cjx" rather than
--     the ordered walk of "cj" (it multiplies the selectivity of both conditions); when each match
--     cost a heap page that took up to a second.
DROP INDEX "PersonSearch_name_idx";
CREATE INDEX "PersonSearch_name_idx"
  ON "PersonSearch" ("name" COLLATE "C", "regionCode") INCLUDE ("namePinyin", "personId");
DROP INDEX "PersonSearch_pinyin_sort_idx";
CREATE INDEX "PersonSearch_pinyin_sort_idx"
  ON "PersonSearch" ("namePinyin" COLLATE "C", "personId") INCLUDE ("regionCode");
DROP INDEX "PersonSearch_initials_idx";
CREATE INDEX "PersonSearch_initials_idx"
  ON "PersonSearch" ("nameInitials" COLLATE "C", "regionCode") INCLUDE ("personId", "namePinyin");
CREATE INDEX "PersonSearch_name_first_pinyin_idx"
  ON "PersonSearch" (left("name", 1), "namePinyin" COLLATE "C", "personId")
  INCLUDE ("regionCode", "name");
