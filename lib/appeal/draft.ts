import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import { hashSecret, secretEquals } from "@/lib/crypto/secret-hash";
import { isUuid } from "@/lib/utils/uuid";

// Between the phone's verification and 提交 the appellant is nobody the platform knows: no
// account, no session. What binds the photos and the submit to the verified phone is the draft's
// secret, handed to the browser once and stored only as a keyed hash, valid for an hour.

export const DRAFT_MINUTES = 60;
export const DRAFT_EXPIRED = "申诉信息已失效，请返回第一步重新验证手机号码";

/** A new secret and what the row stores of it. */
export function newDraftToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSecret("appeal-draft", token) };
}

/** The draft the secret opens, or null: unknown, expired, already submitted, or a wrong secret. */
export async function openDraft(db: Db | Tx, appealId: string, token: string, now = new Date()) {
  if (!isUuid(appealId) || typeof token !== "string" || token.length > 100) return null;
  const draft = await db.accountAppeal.findUnique({
    where: { id: appealId },
    select: {
      id: true,
      state: true,
      draftTokenHash: true,
      draftExpiresAt: true,
      personId: true,
      regionCode: true,
      name: true,
      idType: true,
      idNumberCipher: true,
      phone: true,
      photos: { select: { kind: true } },
    },
  });
  if (!draft || draft.state !== "draft" || draft.draftExpiresAt <= now) return null;
  return secretEquals(draft.draftTokenHash, hashSecret("appeal-draft", token)) ? draft : null;
}
