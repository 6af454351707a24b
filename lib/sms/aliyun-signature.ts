/**
 * Alibaba Cloud OpenAPI request signing, as pure functions.
 *
 * V3 (ACS3-HMAC-SHA256) is what the SMS adapter uses — Aliyun recommends it over V2 and it
 * signs the headers and the body hash as well:
 *   https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
 *   (the same algorithm and worked example: https://help.aliyun.com/zh/functioncompute/fc/developer-reference/signature-mechanism)
 * V2 (RPC, HMAC-SHA1) is kept because Aliyun's SMS documentation publishes its worked example
 * for SendSms with a Chinese SignName, which pins down the UTF-8 percent-encoding that V3's
 * canonical query string relies on too:
 *   https://help.aliyun.com/document_detail/101343.htm  (短信服务 · 签名机制)
 *   https://www.alibabacloud.com/help/zh/sms/signature-method
 */
import "server-only";
import { createHash, createHmac } from "node:crypto";

/**
 * RFC 3986 percent-encoding: only A–Z a–z 0–9 - _ . ~ stay as they are; space is %20, never +.
 * encodeURIComponent leaves ! ' ( ) * alone, so those are encoded here.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Parameters sorted by name (code-unit order), encoded, joined as `k=v&k=v`. */
export function canonicalQueryString(params: Record<string, string>): string {
  return Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? "")}`)
    .join("&");
}

// ---------------------------------------------------------------- V2: RPC, HMAC-SHA1

/** StringToSign = Method & percentEncode("/") & percentEncode(CanonicalizedQueryString). */
export function rpcStringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQueryString(params))}`;
}

/** Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). */
export function rpcSignature(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign, "utf8").digest("base64");
}

// ---------------------------------------------------------------- V3: ACS3-HMAC-SHA256

export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export interface Acs3CanonicalInput {
  method: string;
  /** "/" for RPC-style APIs such as SendSms. */
  canonicalUri: string;
  query: Record<string, string>;
  /** Every header to be sent; the signed ones are picked out here. */
  headers: Record<string, string>;
  /** Lower-case hex SHA-256 of the body (of "" when there is none). */
  hashedPayload: string;
}

/** host, content-type and x-acs-* take part in the signature (doc: CanonicalHeaders). */
function isSignedHeader(name: string): boolean {
  return name === "host" || name === "content-type" || name.startsWith("x-acs-");
}

export function acs3CanonicalRequest(input: Acs3CanonicalInput): {
  canonicalRequest: string;
  signedHeaders: string;
} {
  const entries = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => isSignedHeader(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = entries.map(([name, value]) => `${name}:${value}\n`).join("");
  const signedHeaders = entries.map(([name]) => name).join(";");
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.canonicalUri,
    canonicalQueryString(input.query),
    canonicalHeaders,
    signedHeaders,
    input.hashedPayload,
  ].join("\n");
  return { canonicalRequest, signedHeaders };
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** Lower-case hex HMAC-SHA256 keyed with the AccessKey secret itself (no "&" in V3). */
export function acs3Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha256", accessKeySecret).update(stringToSign, "utf8").digest("hex");
}

export function acs3Authorization(
  accessKeyId: string,
  signedHeaders: string,
  signature: string,
): string {
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

export interface Acs3SignInput {
  method: string;
  canonicalUri: string;
  query: Record<string, string>;
  /** Must include host, x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce. */
  headers: Record<string, string>;
  body: string | Uint8Array;
  accessKeyId: string;
  accessKeySecret: string;
}

/** The headers to send (with x-acs-content-sha256 and Authorization added). */
export function signAcs3(input: Acs3SignInput): Record<string, string> {
  const hashedPayload = sha256Hex(input.body);
  const headers: Record<string, string> = {
    ...input.headers,
    "x-acs-content-sha256": hashedPayload,
  };
  const { canonicalRequest, signedHeaders } = acs3CanonicalRequest({
    ...input,
    headers,
    hashedPayload,
  });
  const signature = acs3Signature(acs3StringToSign(canonicalRequest), input.accessKeySecret);
  return {
    ...headers,
    authorization: acs3Authorization(input.accessKeyId, signedHeaders, signature),
  };
}

/** x-acs-date: ISO 8601 UTC to the second, e.g. 2023-10-26T10:22:32Z. */
export function acs3Date(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}
