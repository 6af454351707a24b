-- The bounded count of the common filter mixes at city and county scope, read from one index
-- without visiting the table (an index-only scan; README 人员查询的索引): the region and the
-- equalities as key columns, what the mixes test as arrays and numbers included. 在岗 + 中级 at
-- a county otherwise intersected the region's bitmap with every 中级 holder's and fetched a heap
-- page per candidate (150–1,800 ms), 未完成 + 已采集 likewise.
CREATE INDEX "PersonSearch_region_mix_idx"
  ON "PersonSearch" ("regionCode", "employmentStatus", "collectionStatus")
  INCLUDE ("qualifications", "ceObligationStart", "ceCompletedYears", "highEndTalent");
