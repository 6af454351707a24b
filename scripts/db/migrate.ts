// `npm run db:migrate` — applies pending prisma/migrations to DATABASE_MIGRATION_URL, the role
// that owns the schema (or DATABASE_URL where one role does everything). The embedded default
// (`npm start` without DATABASE_URL) migrates by itself.
//   DATABASE_MIGRATION_URL=postgresql://kuaiji_owner@host:5432/kuaiji npm run db:migrate
//   npm run db:migrate -- --status     only report pending / edited / failed migrations
import { ownerDatabaseUrl } from "../../lib/db/url";
import { applyMigrations, migrationStatus, migrationsDir } from "./migrations";
import { redactUrl } from "./redact-url";

async function main(): Promise<number> {
  const url = ownerDatabaseUrl();
  if (!url) {
    console.error(
      "DATABASE_MIGRATION_URL 未设置。/ DATABASE_MIGRATION_URL (or DATABASE_URL) is required, e.g. DATABASE_MIGRATION_URL=postgresql://kuaiji_owner@127.0.0.1:5432/kuaiji npm run db:migrate",
    );
    return 2;
  }
  console.log(`数据库 / database: ${redactUrl(url)}`);
  console.log(`迁移目录 / migrations: ${migrationsDir()}`);

  if (process.argv.includes("--status")) {
    const s = await migrationStatus(url);
    console.log(JSON.stringify(s, null, 2));
    return s.pending.length || s.modified.length || s.failed.length ? 1 : 0;
  }

  const result = await applyMigrations(url, { log: (m) => console.log(m) });
  for (const m of result.applied) console.log(`  ✔ ${m.name} (${m.ms} ms)`);
  if (result.applied.length === 0) {
    console.log(
      `已是最新，无需迁移（${result.alreadyApplied.length} 个已应用）。/ Up to date: ${result.alreadyApplied.length} migration(s) already applied.`,
    );
  } else {
    console.log(
      `已应用 ${result.applied.length} 个迁移，用时 ${result.ms} ms。/ Applied ${result.applied.length} migration(s) in ${result.ms} ms.`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
