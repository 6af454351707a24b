import "server-only";
import { createHmac } from "node:crypto";

// Key material from the environment. Nothing is read at import time: the embedded default
// fills process.env from .data/secrets.json (local-secrets.ts) before the first use.
//
// KUAIJI_ENC_KEY        64 hex chars (32 bytes): master key of the current field-encryption key
// KUAIJI_ENC_KEY_ID     id written into new envelopes (default "k1"); [A-Za-z0-9_-]{1,32}
// KUAIJI_ENC_KEYS_OLD   retired keys still needed to decrypt old rows: "k0:<hex>,k-old:<hex>"
// KUAIJI_CIPHER         "sm4" (default) or "aes-256-gcm": algorithm for new envelopes only
// KUAIJI_INDEX_KEY      64 hex chars: blind-index key (cannot rotate without re-indexing)
// KUAIJI_OTP_KEY        64 hex chars, optional: key for hashed SMS codes and captcha answers

export type FieldCipherAlg = "sm4" | "aes-256-gcm";
export const FIELD_CIPHER_ALGS: readonly FieldCipherAlg[] = ["sm4", "aes-256-gcm"];

/** Subkeys of one master key. Each algorithm and purpose gets its own, derived with HMAC-SM3. */
export interface FieldKey {
  id: string;
  sm4Enc: Buffer; // 16 bytes
  sm4Mac: Buffer; // 32 bytes
  aesGcm: Buffer; // 32 bytes
}

export interface FieldKeyring {
  /** Algorithm and key for new envelopes. */
  cipher: FieldCipherAlg;
  current: FieldKey;
  /** Every key that can decrypt, current one included, by id. */
  byId: ReadonlyMap<string, FieldKey>;
}

/** process.env or a plain object in tests (Next.js makes NODE_ENV required on ProcessEnv). */
export type Env = Readonly<Record<string, string | undefined>>;

export class CryptoConfigError extends Error {
  override name = "CryptoConfigError";
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac("sm3", key).update(data).digest();
}

/** Domain-separated subkey: never use the same bytes for two algorithms or purposes. */
export function deriveKey(master: Buffer, label: string): Buffer {
  return hmacSm3(master, `kuaiji:${label}`);
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX_32_BYTES = /^[0-9a-fA-F]{64}$/;
const GENERATE_HINT = "可用 `openssl rand -hex 32` 生成";

function parseHexKey(name: string, value: string | undefined): Buffer {
  if (value === undefined || value.trim() === "") {
    throw new CryptoConfigError(
      `环境变量 ${name} 未设置：需要 32 字节密钥的十六进制形式（64 个字符），${GENERATE_HINT}`,
    );
  }
  if (!HEX_32_BYTES.test(value.trim())) {
    throw new CryptoConfigError(
      `环境变量 ${name} 格式错误：应为 64 个十六进制字符（32 字节），${GENERATE_HINT}`,
    );
  }
  return Buffer.from(value.trim(), "hex");
}

function fieldKey(id: string, master: Buffer): FieldKey {
  return {
    id,
    sm4Enc: deriveKey(master, "field:sm4-cbc:enc").subarray(0, 16),
    sm4Mac: deriveKey(master, "field:sm4-cbc:mac"),
    aesGcm: deriveKey(master, "field:aes-256-gcm:enc"),
  };
}

export function loadFieldKeyring(env: Env = process.env): FieldKeyring {
  const cipher = (env.KUAIJI_CIPHER?.trim() || "sm4").toLowerCase();
  if (!(FIELD_CIPHER_ALGS as readonly string[]).includes(cipher)) {
    throw new CryptoConfigError(
      `环境变量 KUAIJI_CIPHER 取值无效：“${cipher}”，应为 sm4 或 aes-256-gcm`,
    );
  }
  const currentId = env.KUAIJI_ENC_KEY_ID?.trim() || "k1";
  if (!KEY_ID.test(currentId)) {
    throw new CryptoConfigError(
      "环境变量 KUAIJI_ENC_KEY_ID 格式错误：只能包含字母、数字、- 和 _，最长 32 位",
    );
  }
  const current = fieldKey(currentId, parseHexKey("KUAIJI_ENC_KEY", env.KUAIJI_ENC_KEY));
  const byId = new Map<string, FieldKey>([[currentId, current]]);

  for (const entry of (env.KUAIJI_ENC_KEYS_OLD ?? "").split(",")) {
    if (entry.trim() === "") continue;
    const [id = "", hex, ...rest] = entry.trim().split(":");
    if (!KEY_ID.test(id) || hex === undefined || rest.length > 0) {
      throw new CryptoConfigError(
        "环境变量 KUAIJI_ENC_KEYS_OLD 格式错误：应为 “编号:64位十六进制密钥”，多个用逗号分隔",
      );
    }
    if (byId.has(id)) {
      throw new CryptoConfigError(
        `环境变量 KUAIJI_ENC_KEYS_OLD 中的密钥编号 ${id} 重复（或与当前密钥相同）`,
      );
    }
    byId.set(id, fieldKey(id, parseHexKey(`KUAIJI_ENC_KEYS_OLD（${id}）`, hex)));
  }
  return { cipher: cipher as FieldCipherAlg, current, byId };
}

export function loadIndexKey(env: Env = process.env): Buffer {
  return parseHexKey("KUAIJI_INDEX_KEY", env.KUAIJI_INDEX_KEY);
}

/**
 * Key for hashing short-lived secrets (SMS codes, captcha answers). KUAIJI_OTP_KEY when set;
 * otherwise derived from KUAIJI_INDEX_KEY with its own label, so a deployment that sets only
 * the two required keys still works and the index key itself is never used for this.
 * Changing either only invalidates codes in flight (minutes), nothing stored for long.
 */
export function loadOtpKey(env: Env = process.env): Buffer {
  const own = env.KUAIJI_OTP_KEY;
  if (own !== undefined && own.trim() !== "") return parseHexKey("KUAIJI_OTP_KEY", own);
  return deriveKey(loadIndexKey(env), "otp-hash");
}

// Cached per raw env values: derivation runs once, and a changed env (tests, the embedded
// default filling it in late) is picked up without a reset function.
function cachedByEnv<T>(names: readonly string[], load: () => T): () => T {
  let cacheKey: string | undefined;
  let cached: T | undefined;
  return () => {
    const key = names.map((name) => process.env[name] ?? "").join("\u0000");
    if (cached === undefined || key !== cacheKey) {
      cached = load();
      cacheKey = key;
    }
    return cached;
  };
}

export const getFieldKeyring = cachedByEnv(
  ["KUAIJI_CIPHER", "KUAIJI_ENC_KEY_ID", "KUAIJI_ENC_KEY", "KUAIJI_ENC_KEYS_OLD"],
  () => loadFieldKeyring(process.env),
);
export const getIndexKey = cachedByEnv(["KUAIJI_INDEX_KEY"], () => loadIndexKey(process.env));
export const getOtpKey = cachedByEnv(["KUAIJI_OTP_KEY", "KUAIJI_INDEX_KEY"], () =>
  loadOtpKey(process.env),
);
