import "server-only";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { platformExchangeConfig } from "./config";
import { activeMemberSecret } from "./hub-members";
import { errorResponse } from "./http";
import { dbNonceStore } from "./nonce-store";
import { verifyRequest, type Audience, type SecretLookup } from "./signing";

// The first thing every exchange route does: read the raw body and check the signature
// (signing.ts) against the sender's secret, remembering the nonce (nonce-store.ts).
// - audience "hub" (the hub's routes): the sender is a member; its secret is HubMember's,
//   decrypted, and only while the member is active.
// - audience "member" (a platform's notifications route): the hub signs with the addressee's —
//   this platform's — secret and names this platform in X-Kuaiji-Member (client.ts), so the only
//   member accepted is the platform itself.
// A refusal is 401 { error: { code, message } } with the refusal's code and one fixed message:
// the code is enough to mend a client (a clock off, a reused nonce); the details go to the log.

/** A transfer's file (≤ 40 attachments of ≤ 2 MB, base64) fits with room to spare. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

export type VerifiedRequest =
  { ok: true; member: string; text: string } | { ok: false; response: Response };

export interface VerifyRouteOptions {
  audience: Audience;
  now?: Date;
  /** Tests; the audience's lookup (above) otherwise. */
  secretOf?: SecretLookup;
}

function ownSecretLookup(): SecretLookup {
  const config = platformExchangeConfig();
  return async (member) => (member === config.memberCode ? config.secret : undefined);
}

export async function verifyExchangeRequest(
  db: Db,
  request: Request,
  options: VerifyRouteOptions,
): Promise<VerifiedRequest> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) return tooLarge();

  const secretOf =
    options.secretOf ??
    (options.audience === "hub" ? (m: string) => activeMemberSecret(db, m) : ownSecretLookup());
  const result = await verifyRequest(
    { method: request.method, url: request.url, headers: request.headers, body },
    { audience: options.audience, secretOf, nonces: dbNonceStore(db), now: options.now },
  );
  if (!result.ok) {
    logger.warn(
      { reason: result.reason, path: new URL(request.url).pathname },
      "exchange request refused",
    );
    return {
      ok: false,
      response: errorResponse(401, result.reason, "请求签名校验未通过 / request signature refused"),
    };
  }
  return { ok: true, member: result.member, text: new TextDecoder().decode(body) };
}

function tooLarge(): VerifiedRequest {
  return {
    ok: false,
    response: errorResponse(413, "body_too_large", "请求体过大 / request body too large"),
  };
}
