import "server-only";
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from "node:crypto";
import {
  type FieldCipherAlg,
  type FieldKey,
  type FieldKeyring,
  getFieldKeyring,
  hmacSm3,
} from "@/lib/crypto/keys";

// Field-level encryption of personal identifiers. Envelope (ASCII, dot-separated):
//   v1.<alg>.<keyId>.<iv>.<ciphertext>.<tag>      (base64url, no padding)
// - sm4: SM4-CBC with a random 16-byte IV, then HMAC-SM3 over "v1.sm4.<keyId>." || IV ||
//   ciphertext (encrypt-then-MAC: Node 20's OpenSSL has no SM4-GCM). Key ids contain no dot
//   and the IV has a fixed length, so the MAC input is unambiguous.
// - aes-256-gcm: random 12-byte IV, 16-byte tag, "v1.aes-256-gcm.<keyId>" as AAD.
// Decryption follows the envelope's algorithm and key id, never the current configuration,
// so switching KUAIJI_CIPHER or rotating the key keeps old rows readable.

const VERSION = "v1";
const SM4_IV_BYTES = 16;
const SM4_TAG_BYTES = 32;
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

export class FieldCipherError extends Error {
  override name = "FieldCipherError";
}

export function encryptField(plain: string, keyring: FieldKeyring = getFieldKeyring()): string {
  const { cipher, current } = keyring;
  const header = `${VERSION}.${cipher}.${current.id}`;
  const data = Buffer.from(plain, "utf8");
  if (cipher === "sm4") {
    const iv = randomBytes(SM4_IV_BYTES);
    const c = createCipheriv("sm4-cbc", current.sm4Enc, iv);
    const ct = Buffer.concat([c.update(data), c.final()]);
    const tag = sm4Tag(current, header, iv, ct);
    return [header, b64(iv), b64(ct), b64(tag)].join(".");
  }
  const iv = randomBytes(GCM_IV_BYTES);
  const c = createCipheriv("aes-256-gcm", current.aesGcm, iv, { authTagLength: GCM_TAG_BYTES });
  c.setAAD(Buffer.from(header, "ascii"));
  const ct = Buffer.concat([c.update(data), c.final()]);
  return [header, b64(iv), b64(ct), b64(c.getAuthTag())].join(".");
}

export function decryptField(envelope: string, keyring: FieldKeyring = getFieldKeyring()): string {
  const parsed = parseEnvelope(envelope);
  const key = keyring.byId.get(parsed.keyId);
  if (!key)
    throw new FieldCipherError(`未知的加密密钥编号：${parsed.keyId}（检查 KUAIJI_ENC_KEYS_OLD）`);
  const header = `${VERSION}.${parsed.alg}.${parsed.keyId}`;
  const { iv, ct, tag } = parsed;

  if (parsed.alg === "sm4") {
    if (iv.length !== SM4_IV_BYTES || tag.length !== SM4_TAG_BYTES) throw corrupt();
    // Verify before decrypting: no padding oracle, no work on forged input.
    if (!timingSafeEqual(sm4Tag(key, header, iv, ct), tag)) throw corrupt();
    try {
      const d = createDecipheriv("sm4-cbc", key.sm4Enc, iv);
      return Buffer.concat([d.update(ct), d.final()]).toString("utf8");
    } catch {
      throw corrupt();
    }
  }

  if (iv.length !== GCM_IV_BYTES || tag.length !== GCM_TAG_BYTES) throw corrupt();
  try {
    const d = createDecipheriv("aes-256-gcm", key.aesGcm, iv, { authTagLength: GCM_TAG_BYTES });
    d.setAAD(Buffer.from(header, "ascii"));
    d.setAuthTag(tag);
    return Buffer.concat([d.update(ct), d.final()]).toString("utf8");
  } catch {
    throw corrupt();
  }
}

/** True when the envelope was written with another key or algorithm than the current ones. */
export function needsReencryption(
  envelope: string,
  keyring: FieldKeyring = getFieldKeyring(),
): boolean {
  const { alg, keyId } = parseEnvelope(envelope);
  return alg !== keyring.cipher || keyId !== keyring.current.id;
}

interface ParsedEnvelope {
  alg: FieldCipherAlg;
  keyId: string;
  iv: Buffer;
  ct: Buffer;
  tag: Buffer;
}

function parseEnvelope(envelope: string): ParsedEnvelope {
  const parts = envelope.split(".");
  if (parts.length !== 6) throw new FieldCipherError("密文格式错误");
  const [version, alg, keyId, iv, ct, tag] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== VERSION) throw new FieldCipherError(`不支持的密文版本：${version}`);
  if (alg !== "sm4" && alg !== "aes-256-gcm")
    throw new FieldCipherError(`不支持的加密算法：${alg}`);
  return { alg, keyId, iv: unb64(iv), ct: unb64(ct), tag: unb64(tag) };
}

function sm4Tag(key: FieldKey, header: string, iv: Buffer, ct: Buffer): Buffer {
  return hmacSm3(key.sm4Mac, Buffer.concat([Buffer.from(`${header}.`, "ascii"), iv, ct]));
}

function corrupt(): FieldCipherError {
  return new FieldCipherError("密文校验失败：数据被篡改或密钥不匹配");
}

function b64(buf: Buffer): string {
  return buf.toString("base64url");
}

/** Strict base64url: Node's decoder skips bad characters silently, so re-encode and compare. */
function unb64(text: string): Buffer {
  const buf = Buffer.from(text, "base64url");
  if (buf.toString("base64url") !== text) throw new FieldCipherError("密文格式错误");
  return buf;
}
