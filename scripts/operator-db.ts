// The database an operator's command (npm run staff, npm run hub) works on: DATABASE_URL in
// production; otherwise the embedded database of a running `npm start` in KUAIJI_DATA_DIR, whose
// generated keys it loads into process.env so encrypted fields read and write as the platform's.
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureLocalSecrets, LOCAL_SECRETS_FILE } from "../lib/crypto/local-secrets";

export function operatorDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dataDir = path.resolve(process.env.KUAIJI_DATA_DIR ?? ".data");
  if (!existsSync(path.join(dataDir, LOCAL_SECRETS_FILE))) {
    throw new Error(
      `未设置 DATABASE_URL，且 ${dataDir} 中没有内置数据库。请先运行 npm start。/ No DATABASE_URL and no embedded data in ${dataDir}: run npm start first.`,
    );
  }
  Object.assign(process.env, ensureLocalSecrets(dataDir, process.env));
  const port = process.env.KUAIJI_DB_PORT ?? "54329";
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}
