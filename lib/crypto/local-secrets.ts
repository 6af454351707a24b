import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Secrets for the embedded default (no configuration): generated once into
// <dataDir>/secrets.json (mode 0600) and reused on every start. Losing this file loses every
// encrypted 证件号码, so an existing value is never regenerated or overwritten: a malformed
// file stops the start instead. Production sets the variables in the environment, which wins.

const GENERATORS = {
  KUAIJI_ENC_KEY: () => randomBytes(32).toString("hex"),
  KUAIJI_INDEX_KEY: () => randomBytes(32).toString("hex"),
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64"),
  KUAIJI_OTP_KEY: () => randomBytes(32).toString("hex"),
} as const;

type SecretName = keyof typeof GENERATORS;
const NAMES = Object.keys(GENERATORS) as SecretName[];

const FORMATS: Record<SecretName, RegExp> = {
  KUAIJI_ENC_KEY: /^[0-9a-f]{64}$/i,
  KUAIJI_INDEX_KEY: /^[0-9a-f]{64}$/i,
  NEXTAUTH_SECRET: /^[A-Za-z0-9+/]{43}=$/,
  KUAIJI_OTP_KEY: /^[0-9a-f]{64}$/i,
};

export const LOCAL_SECRETS_FILE = "secrets.json";

/**
 * Reads or creates `${dataDir}/secrets.json` and returns the entries that `env` does not
 * already set (non-empty), ready for `Object.assign(process.env, result)`.
 */
export function ensureLocalSecrets(
  dataDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCAL_SECRETS_FILE);

  let stored = readSecrets(file);
  if (stored === null) {
    const fresh = generate({});
    // Two processes starting together: link() publishes a complete file or fails with EEXIST,
    // in which case the other process won and its file is the one to use.
    stored = publish(file, fresh, "create") ? fresh : (readSecrets(file) ?? fail(file, "无法读取"));
  }
  let secrets: Partial<Record<SecretName, string>> = stored;
  if (NAMES.some((name) => stored[name] === undefined)) {
    // A file from an older version lacks a newer entry: add it, keep every existing value.
    const completed = generate(stored);
    publish(file, completed, "replace");
    secrets = completed;
  }

  const result: Record<string, string> = {};
  for (const name of NAMES) {
    const value = secrets[name];
    if (value !== undefined && !env[name]) result[name] = value;
  }
  return result;
}

function generate(existing: Partial<Record<SecretName, string>>): Record<SecretName, string> {
  const out = { ...existing } as Record<SecretName, string>;
  for (const name of NAMES) out[name] ??= GENERATORS[name]();
  return out;
}

function readSecrets(file: string): Partial<Record<SecretName, string>> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(file, "不是有效的 JSON");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return fail(file, "格式错误");
  const record = data as Record<string, unknown>;
  const out: Partial<Record<SecretName, string>> = {};
  for (const name of NAMES) {
    const value = record[name];
    if (value === undefined) continue;
    if (typeof value !== "string" || !FORMATS[name].test(value))
      return fail(file, `${name} 的值格式错误`);
    out[name] = value;
  }
  return out;
}

/** Writes a temp file (0600) and links (create-if-absent) or renames (replace) it into place. */
function publish(
  file: string,
  secrets: Record<SecretName, string>,
  mode: "create" | "replace",
): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  try {
    if (mode === "replace") {
      fs.renameSync(tmp, file);
      return true;
    }
    try {
      fs.linkSync(tmp, file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function fail(file: string, problem: string): never {
  throw new Error(
    `本地密钥文件 ${file} ${problem}。请勿删除或手工修改此文件：其中的密钥用于解密已保存的证件号码。`,
  );
}
