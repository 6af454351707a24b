import "server-only";

/** The database URL: DATABASE_URL in production, the embedded PGlite socket otherwise. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  throw new Error(
    "DATABASE_URL 未设置：请用 `npm start` 启动（内置数据库），或设置 DATABASE_URL。",
  );
}
