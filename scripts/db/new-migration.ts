// `npm run db:new-migration -- <name>` — writes the next migration, offline.
//
// Replays prisma/migrations into an in-memory PGlite shadow database and asks Prisma's own
// schema engine (WebAssembly build, see ./schema-engine.ts) for the SQL that takes it to
// prisma/schema.prisma: the same thing `prisma migrate dev --create-only` does, without the
// native engine binary it cannot download here. Nothing is applied to any real database; run
// `npm start` (embedded) or `npm run db:migrate` (DATABASE_URL) afterwards.
//
//   npm run db:new-migration -- add_staff          → prisma/migrations/<UTC yyyymmddHHMMSS>_add_staff/migration.sql
//   npm run db:new-migration -- fix_data --empty   → an empty migration to hand-write SQL in
//   npm run db:new-migration -- --check            → exit 1 if schema.prisma has changes no migration covers (CI)
//
// Hand-written SQL (triggers, data fixes) may be appended to a generated migration *before* it is
// applied anywhere; once applied, a migration is immutable (its checksum is recorded).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema, MIGRATION_LOCK_TOML } from "./schema-engine";

const SCHEMA_PATH = "prisma/schema.prisma";
const MIGRATIONS_DIR = "prisma/migrations";

/**
 * Indexes schema.prisma cannot describe (a column COLLATE "C", an INCLUDE list), written by hand
 * in a migration: their names, so the diff's DROP INDEX for them is not taken for a change.
 */
export function handWrittenIndexes(migrationsDir: string): Set<string> {
  const names = new Set<string>();
  if (!existsSync(migrationsDir)) return names;
  for (const dir of readdirSync(migrationsDir)) {
    const file = path.join(migrationsDir, dir, "migration.sql");
    if (!existsSync(file)) continue;
    for (const m of readFileSync(file, "utf8").matchAll(/CREATE\s+INDEX\s+"([^"]+)"([^;]*);/g)) {
      if (/COLLATE|INCLUDE/.test(m[2]!)) names.add(m[1]!);
    }
  }
  return names;
}

/** The diff without the DROP INDEX of a hand-written index (and its "-- DropIndex" line). */
export function keepHandWrittenIndexes(sql: string, keep: ReadonlySet<string>): string {
  return sql
    .replace(/(?:-- DropIndex\n)?DROP INDEX "([^"]+)";\n*/g, (all, name: string) =>
      keep.has(name) ? "" : all,
    )
    .trim();
}

function utcStamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Prisma-style migration name: lower snake case ASCII. */
export function slug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

function nextDirName(name: string): string {
  const existing = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR)
        .filter((d) => /^\d{14}_/.test(d))
        .sort()
    : [];
  let when = new Date();
  // Keep lexicographic order = application order even if the clock is behind the last migration.
  const last = existing.at(-1)?.slice(0, 14);
  while (last && utcStamp(when) <= last) when = new Date(when.getTime() + 1000);
  return `${utcStamp(when)}_${name}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const empty = args.includes("--empty");
  const rawName = args.find((a) => !a.startsWith("--"));

  if (!check && !rawName) {
    console.error(
      "用法 / usage: npm run db:new-migration -- <name> [--empty]   |   npm run db:new-migration -- --check",
    );
    return 2;
  }

  const t0 = performance.now();
  const sql = empty
    ? ""
    : keepHandWrittenIndexes(
        await diffMigrationsToSchema({ migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH }),
        handWrittenIndexes(MIGRATIONS_DIR),
      );
  const ms = Math.round(performance.now() - t0);

  if (check) {
    if (sql) {
      console.error(
        `schema.prisma 有未生成迁移的变更 / schema.prisma has changes not covered by a migration:\n\n${sql}`,
      );
      console.error("运行 / run: npm run db:new-migration -- <name>");
      return 1;
    }
    console.log(`迁移与 schema 一致。/ Migrations match schema.prisma (${ms} ms).`);
    return 0;
  }

  if (!sql && !empty) {
    console.log(
      `没有变更：schema.prisma 与现有迁移一致，未创建迁移。/ No changes: schema.prisma matches the existing migrations; nothing created (${ms} ms).`,
    );
    return 0;
  }

  const name = slug(rawName!);
  if (!name) {
    console.error(
      `无效的迁移名 / invalid migration name: ${JSON.stringify(rawName)} (use letters, digits, _)`,
    );
    return 2;
  }
  mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK_TOML);

  const dir = path.join(MIGRATIONS_DIR, nextDirName(name));
  mkdirSync(dir);
  const body = empty ? "-- This is an empty migration.\n" : sql;
  writeFileSync(path.join(dir, "migration.sql"), body);
  console.log(body);
  console.log(`已创建 / created ${path.join(dir, "migration.sql")} (${ms} ms)`);
  console.log(
    "检查 SQL 后提交；下次 `npm start` 或 `npm run db:migrate` 会应用它。/ Review the SQL, commit it; `npm start` or `npm run db:migrate` applies it.",
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      "生成迁移失败 / could not create the migration:",
      err instanceof Error ? err.message : err,
    );
    process.exit(1);
  },
);
