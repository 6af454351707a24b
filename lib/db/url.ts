import "server-only";

/**
 * The database URL the platform runs with: DATABASE_URL in production (the application's role,
 * scripts/db/app-role.ts), the embedded PGlite socket otherwise.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  throw new Error(
    "DATABASE_URL 未设置：请用 `npm start` 启动（内置数据库），或设置 DATABASE_URL。",
  );
}

/**
 * The URL of the schema's owner, for what the application's role may not do: migrations,
 * backup and restore, the bulk seed, granting the application's role. DATABASE_MIGRATION_URL,
 * or DATABASE_URL where one role does everything (the embedded default, a development database).
 */
export function ownerDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.DATABASE_MIGRATION_URL || env.DATABASE_URL || undefined;
}
