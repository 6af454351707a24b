import type { Db } from "@/lib/db/client";

// Issue 12, 3: the full birth date is never stored in clear — with the masked number it would
// narrow the number to a handful. These read what the database holds, as an attacker would.

/** Every column whose name speaks of a birth, with its type: only years (smallint) may exist. */
export async function birthColumns(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ c: string }[]>`
    SELECT table_name || '.' || column_name || ':' || data_type AS c
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name ILIKE '%birth%'
    ORDER BY 1`;
  return rows.map((r) => r.c);
}

/**
 * The tables holding a row that names one of `ids` (the person's, their archive's: as the row's
 * id, a reference or the id it acted as) and shows `date` ("YYYY-MM-DD") in any form a number or
 * a form would carry it: 1990-03-07, 19900307.
 */
export async function tablesShowingBirthDate(
  db: Db,
  ids: readonly string[],
  date: string,
): Promise<string[]> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  if (tables.length < 10) throw new Error("expected the whole schema");
  const found: string[] = [];
  for (const { table_name } of tables) {
    const hits = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*)::bigint AS n FROM "${table_name.replace(/"/g, "")}" t
       WHERE t::text LIKE ANY ($1::text[]) AND (t::text LIKE $2 OR t::text LIKE $3)`,
      ids.map((id) => `%${id}%`),
      `%${date}%`,
      `%${date.replaceAll("-", "")}%`,
    );
    if (Number(hits[0]!.n) > 0) found.push(table_name);
  }
  return found;
}
