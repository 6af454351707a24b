// `npm run db:app-role -- <role>` — creates (if missing) and grants the application's role on the
// database of DATABASE_MIGRATION_URL (the schema's owner; see ./app-role-grants.ts for exactly
// what it may do). Run it once after the first `npm run db:migrate`, and again after a restore.
// Idempotent. The role's password, if any, comes from KUAIJI_APP_DB_PASSWORD (never an argument:
// arguments show in the process list).
//   DATABASE_MIGRATION_URL=postgresql://kuaiji_owner@db:5432/kuaiji \
//     KUAIJI_APP_DB_PASSWORD=… npm run db:app-role -- kuaiji_app
// Then run the platform with DATABASE_URL=postgresql://kuaiji_app:…@db:5432/kuaiji.
import { ownerDatabaseUrl } from "../../lib/db/url";
import { grantAppRole } from "./app-role-grants";
import { redactUrl } from "./redact-url";

async function main(): Promise<number> {
  const role = process.argv[2];
  const url = ownerDatabaseUrl();
  if (!role || !url) {
    console.error(
      "用法 / usage: DATABASE_MIGRATION_URL=postgresql://owner@host/db [KUAIJI_APP_DB_PASSWORD=…] npm run db:app-role -- <role>",
    );
    return 2;
  }
  await grantAppRole(url, role, { password: process.env.KUAIJI_APP_DB_PASSWORD || undefined });
  console.log(`已授权应用角色 / granted the application's role ${role} on ${redactUrl(url)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
