-- AlterTable
ALTER TABLE "PersonSearch" ADD COLUMN     "ceCompletedYears" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "ceObligationStart" SMALLINT;

-- 人员查询 at 2,000,000 people (README 人员查询的索引, lib/search/search-sql.ts).

-- Initials as a walk in 姓名 (pinyin) order: "zs" is `left(initials, 2) = 'zs'` — an equality, so
-- the index stays in pinyin order behind it — and a longer prefix ("zsf") is checked on the
-- fifth column inside the index, as is the scope's region range on the fourth: only matching
-- people reach the heap. Without it an initials search sorted every "zs…" of the province (≈ 7 s).
CREATE INDEX "PersonSearch_initials_pinyin_idx"
  ON "PersonSearch" ((left("nameInitials", 2)), "namePinyin" COLLATE "C", "personId", "regionCode",
    "nameInitials" COLLATE "C");

-- The first year of the 继续教育 obligation, from every archive version's qualifications (取得年份
-- + 1) and 从事会计工作年份, as lib/search/projection-row.ts obligationStartOf computes it.
-- ceCompletedYears depends on the configured thresholds, which SQL does not know: it is filled by
-- `npm run search:rebuild` (or the embedded start), see README.
UPDATE "PersonSearch" s SET "ceObligationStart" = o.start
FROM (
  SELECT a."personId", min(f.y) AS start
  FROM "Archive" a
  JOIN "ArchiveVersion" v ON v."archiveId" = a.id
  CROSS JOIN LATERAL (
    SELECT (q->>'year')::int + 1 AS y
    FROM jsonb_array_elements(CASE
      WHEN jsonb_typeof(v.snapshot->'professional'->'qualifications') = 'array'
      THEN v.snapshot->'professional'->'qualifications' ELSE '[]'::jsonb END) q
    WHERE q->>'year' ~ '^[0-9]{1,4}$'
    UNION ALL
    SELECT (v.snapshot->'work'->>'accountingSinceYear')::int
    WHERE v.snapshot->'work'->>'accountingSinceYear' ~ '^[0-9]{1,4}$'
  ) f
  GROUP BY a."personId"
) o
WHERE o."personId" = s."personId";

-- 已完成 of a year as an array test (`ceCompletedYears @> '{2025}'`), after the backfill so the
-- index is built once. A year's 已完成 is ≈ half the people, so this serves the rarer mixes
-- (已完成 + 会计类高级: a BitmapAnd with the qualifications index).
CREATE INDEX "PersonSearch_ce_completed_idx" ON "PersonSearch" USING GIN ("ceCompletedYears");
