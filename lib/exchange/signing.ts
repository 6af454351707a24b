import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Request signing between a provincial platform and the national exchange (issue 10, "The
// exchange (hub)": every request signed, HMAC over method, path, timestamp, nonce and body
// digest, a replay window; secrets never travel; tampered, replayed, expired or unknown-member
// requests refused). Each member shares one secret with the hub; only HMACs cross the wire.
//
// The signed string, one field a line:
//   KUAIJI-HMAC-SHA256
//   <audience>            hub | member — who the request is for; the same key signs both ways,
//                         so a request the hub sent a member cannot be reflected back to the hub
//   <member>              the member whose secret signs (the sender, or the hub's addressee)
//   <METHOD>
//   <path?query>          as the URL serialises it (new URL(url).pathname + search)
//   <timestamp>           Unix seconds
//   <nonce>               16+ random URL-safe characters, never reused within the window
//   <hex SHA-256 of the body bytes>
// The signature is the lower-case hex HMAC-SHA256 of that string. The body digest also travels
// in its own header, so a body altered on the way is told apart from a wrong key.

export const SIGNATURE_HEADERS = {
  member: "X-Kuaiji-Member",
  timestamp: "X-Kuaiji-Timestamp",
  nonce: "X-Kuaiji-Nonce",
  contentSha256: "X-Kuaiji-Content-SHA256",
  signature: "X-Kuaiji-Signature",
} as const;

/** Requests older or newer than this (seconds, either way) are refused. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

const SCHEME = "KUAIJI-HMAC-SHA256";

export type Audience = "hub" | "member";
export type Secret = string | Uint8Array;
export type Body = string | Uint8Array;

export interface CanonicalFields {
  audience: Audience;
  member: string;
  method: string;
  url: string;
  timestamp: string;
  nonce: string;
  bodySha256: string;
}

function pathWithQuery(url: string): string {
  const parsed = new URL(url, "http://relative.invalid");
  return parsed.pathname + parsed.search;
}

export function bodySha256(body: Body): string {
  return createHash("sha256").update(body).digest("hex");
}

export function canonicalString(f: CanonicalFields): string {
  return [
    SCHEME,
    f.audience,
    f.member,
    f.method.toUpperCase(),
    pathWithQuery(f.url),
    f.timestamp,
    f.nonce,
    f.bodySha256,
  ].join("\n");
}

function hmac(secret: Secret, text: string): Buffer {
  return createHmac("sha256", secret).update(text, "utf8").digest();
}

export interface SignInput {
  audience: Audience;
  member: string;
  secret: Secret;
  method: string;
  /** Absolute URL or path with query, exactly as it will be requested. */
  url: string;
  body: Body;
  now?: Date;
  /** For tests; a fresh random nonce otherwise. */
  nonce?: string;
}

/** The headers to send with the request. */
export function signRequest(input: SignInput): Record<string, string> {
  const timestamp = String(Math.floor((input.now ?? new Date()).getTime() / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString("base64url");
  const digest = bodySha256(input.body);
  const signed = canonicalString({ ...input, timestamp, nonce, bodySha256: digest });
  return {
    [SIGNATURE_HEADERS.member]: input.member,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.contentSha256]: digest,
    [SIGNATURE_HEADERS.signature]: hmac(input.secret, signed).toString("hex"),
  };
}

/** Remembers nonces until they expire; the database implementation comes with the feature. */
export interface NonceStore {
  /** Records the nonce; true if it was already seen (a replay). Must be atomic. */
  seen(member: string, nonce: string, expiresAt: Date): Promise<boolean>;
}

export type SecretLookup = (member: string) => Promise<Secret | undefined>;

export interface VerifyOptions {
  /** Who this server is: the hub verifies "hub", a member platform "member". */
  audience: Audience;
  secretOf: SecretLookup;
  nonces: NonceStore;
  now?: Date;
  windowSeconds?: number;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Pick<Headers, "get">;
  body: Body;
}

export type VerifyRefusal =
  | "missing_header"
  | "malformed_header"
  | "unknown_member"
  | "expired"
  | "future"
  | "body_mismatch"
  | "bad_signature"
  | "replayed";

export type VerifyResult =
  { ok: true; member: string } | { ok: false; reason: VerifyRefusal; message: string };

const FORMATS: Record<keyof typeof SIGNATURE_HEADERS, RegExp> = {
  member: /^[A-Za-z0-9_-]{1,64}$/,
  timestamp: /^\d{1,12}$/,
  nonce: /^[A-Za-z0-9_-]{16,128}$/,
  contentSha256: /^[0-9a-f]{64}$/,
  signature: /^[0-9a-f]{64}$/,
};

const refuse = (reason: VerifyRefusal, message: string): VerifyResult => ({
  ok: false,
  reason,
  message,
});

/**
 * Checks a signed request. The nonce is recorded only once the signature holds, so forged
 * requests can neither fill the store nor spend a genuine request's nonce.
 */
export async function verifyRequest(
  request: ReceivedRequest,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const h = {} as Record<keyof typeof SIGNATURE_HEADERS, string>;
  for (const key of Object.keys(SIGNATURE_HEADERS) as (keyof typeof SIGNATURE_HEADERS)[]) {
    const name = SIGNATURE_HEADERS[key];
    const value = request.headers.get(name);
    if (!value) return refuse("missing_header", `缺少请求头 ${name}`);
    if (!FORMATS[key].test(value)) return refuse("malformed_header", `请求头 ${name} 格式不正确`);
    h[key] = value;
  }

  const secret = await options.secretOf(h.member);
  if (secret === undefined) return refuse("unknown_member", `未知的成员：${h.member}`);

  const window = options.windowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const timestamp = Number(h.timestamp);
  if (timestamp < now - window) return refuse("expired", "请求已过期（时间戳超出允许范围）");
  if (timestamp > now + window)
    return refuse("future", "请求时间戳晚于当前时间（请检查服务器时钟）");

  if (bodySha256(request.body) !== h.contentSha256) {
    return refuse("body_mismatch", "请求体与签名摘要不符（可能被篡改）");
  }
  const signed = canonicalString({
    audience: options.audience,
    member: h.member,
    method: request.method,
    url: request.url,
    timestamp: h.timestamp,
    nonce: h.nonce,
    bodySha256: h.contentSha256,
  });
  const expected = hmac(secret, signed);
  if (!timingSafeEqual(expected, Buffer.from(h.signature, "hex"))) {
    return refuse("bad_signature", "签名无效（密钥不符或请求被篡改）");
  }

  if (await options.nonces.seen(h.member, h.nonce, new Date((timestamp + window) * 1000))) {
    return refuse("replayed", "重复的请求（nonce 已使用）");
  }
  return { ok: true, member: h.member };
}
