-- 人员查询's indexes on the PersonSearch projection (lib/search/search-sql.ts builds the queries
-- they serve; docs/search-indexes.md, folded into the README as 人员查询的索引, gives the
-- measurements on 2,000,000 rows). Text keys are indexed under COLLATE "C": byte order, the same
-- in every database whatever its default collation, so one btree serves both a prefix LIKE
-- ('zs%' becomes a range) and ORDER BY — text_pattern_ops would serve only the LIKE.

-- Sort by 姓名 (full pinyin), keyset-paged, at province and city scope: the index is walked in
-- order and the region range is checked on each row, which matches most rows at these scopes.
-- Also the prefix search on full pinyin ("zhangw").
CREATE INDEX "PersonSearch_pinyin_sort_idx"
  ON "PersonSearch" ("namePinyin" COLLATE "C", "personId");

-- The same sort within one region code (a county scope, or a county chosen in the form): the
-- equality on regionCode leaves the index in sort order.
CREATE INDEX "PersonSearch_region_pinyin_idx"
  ON "PersonSearch" ("regionCode", "namePinyin" COLLATE "C", "personId");

-- Initials ("zs") and 汉字 (“张伟”) prefix search. regionCode is a second key column so that the
-- scope's range is checked inside the index: only people of the region reach the heap.
CREATE INDEX "PersonSearch_initials_idx"
  ON "PersonSearch" ("nameInitials" COLLATE "C", "regionCode");
CREATE INDEX "PersonSearch_name_idx"
  ON "PersonSearch" ("name" COLLATE "C", "regionCode");

-- Sort by 注册时间: globally (province, city) and within a region code (county).
CREATE INDEX "PersonSearch_registered_idx"
  ON "PersonSearch" ("registeredAt", "personId");
CREATE INDEX "PersonSearch_region_registered_idx"
  ON "PersonSearch" ("regionCode", "registeredAt", "personId");

-- Sort by 采集时间. Not yet collected (NULL) sorts as the earliest time: the key is never NULL,
-- so the keyset condition stays a plain comparison the index can start from.
CREATE INDEX "PersonSearch_collected_idx"
  ON "PersonSearch" ((COALESCE("collectedAt", '-infinity'::timestamptz)), "personId");
CREATE INDEX "PersonSearch_region_collected_idx"
  ON "PersonSearch" ("regionCode", (COALESCE("collectedAt", '-infinity'::timestamptz)), "personId");

-- 专业技术资格 type and/or level: qualifications && ARRAY['ACCOUNTING:SENIOR', …].
CREATE INDEX "PersonSearch_qualifications_idx"
  ON "PersonSearch" USING gin ("qualifications");

-- Rare states as small partial indexes: a transfer under way or done (about 1 % of people) and
-- 高端会计人才 (well under 1 %). Rows without them are not in the index at all. The regionCode
-- ones serve the count and a county's page; for 高端会计人才 at city scope the planner otherwise
-- walks a whole sort index looking for one row in a thousand (measured: 300 ms+), so each sort
-- has a partial copy holding only those people (a few thousand entries each).
CREATE INDEX "PersonSearch_transfer_idx"
  ON "PersonSearch" ("transferState", "regionCode") WHERE "transferState" IS NOT NULL;
CREATE INDEX "PersonSearch_high_end_idx"
  ON "PersonSearch" ("regionCode") WHERE "highEndTalent";
CREATE INDEX "PersonSearch_high_end_pinyin_idx"
  ON "PersonSearch" ("namePinyin" COLLATE "C", "personId") WHERE "highEndTalent";
CREATE INDEX "PersonSearch_high_end_registered_idx"
  ON "PersonSearch" ("registeredAt", "personId") WHERE "highEndTalent";
CREATE INDEX "PersonSearch_high_end_collected_idx"
  ON "PersonSearch" ((COALESCE("collectedAt", '-infinity'::timestamptz)), "personId") WHERE "highEndTalent";

-- 继续教育 status of a year: EXISTS (… CeYearTotal WHERE personId = p.personId AND year = y AND
-- credits ≥ thresholds). Covering, so each probe is an index-only scan, no heap visit.
CREATE INDEX "CeYearTotal_totals_idx"
  ON "CeYearTotal" ("personId", "year") INCLUDE ("publicTenths", "professionalTenths", "pending");
