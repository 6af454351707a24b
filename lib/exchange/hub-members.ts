import "server-only";
import { randomBytes } from "node:crypto";
import { decryptField, encryptField } from "@/lib/crypto/field-cipher";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation, type Refusal } from "@/lib/db/refusal";
import { logger } from "@/lib/log/logger";
import type { MemberEndpoint } from "./client";
import { baseUrlProblem, MIN_SECRET_LENGTH } from "./config";
import { exchangeMember } from "./members";

// The hub's members (HubMember): which platforms may call it, where it calls them back, and the
// secret each shares with it. A secret is generated here, shown to the operator once, and kept
// encrypted (lib/crypto/field-cipher): the hub must be able to sign with it, so a hash will not do.
// `npm run hub -- member …` (scripts/hub.ts) and the demo script call these.

export type MemberRefusal = Refusal<"unknown_member" | "bad_url" | "exists" | "not_registered">;

/** 32 random bytes, base64url: 43 characters, safe in an environment variable. */
export function generateMemberSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function addMember(
  db: Db,
  input: { code: string; baseUrl: string; secret?: string },
): Promise<{ ok: true; secret: string } | MemberRefusal> {
  const member = exchangeMember(input.code);
  if (!member) {
    return {
      ok: false,
      reason: "unknown_member",
      message: `${input.code} 不是全国平台的成员代码（lib/exchange/members.ts） / not a member code`,
    };
  }
  const problem = baseUrlProblem(input.baseUrl);
  if (problem) return { ok: false, reason: "bad_url", message: `地址无效：${problem}` };
  const secret = input.secret ?? generateMemberSecret();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error("member secret too short");
  try {
    await db.hubMember.create({
      data: {
        code: member.code,
        baseUrl: new URL(input.baseUrl).origin,
        secretCipher: encryptField(secret),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      ok: false,
      reason: "exists",
      message: `${member.name}（${member.code}）已是成员；更换密钥用 member rotate / already registered`,
    };
  }
  logger.info({ member: member.code }, "exchange member added");
  return { ok: true, secret };
}

/** A new secret for the member; the old one stops working at once. */
export async function rotateMemberSecret(
  db: Db,
  code: string,
): Promise<{ ok: true; secret: string } | MemberRefusal> {
  const secret = generateMemberSecret();
  const { count } = await db.hubMember.updateMany({
    where: { code },
    data: { secretCipher: encryptField(secret) },
  });
  if (count === 0) {
    return {
      ok: false,
      reason: "not_registered",
      message: `${code} 尚未登记为成员 / not registered`,
    };
  }
  logger.info({ member: code }, "exchange member secret rotated");
  return { ok: true, secret };
}

export interface MemberListing {
  code: string;
  name: string;
  baseUrl: string;
  active: boolean;
  createdAt: Date;
}

export async function listMembers(db: Db): Promise<MemberListing[]> {
  const rows = await db.hubMember.findMany({
    orderBy: { code: "asc" },
    select: { code: true, baseUrl: true, active: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, name: exchangeMember(r.code)?.name ?? r.code }));
}

/** The secret an active member signs with, for verifying its requests; undefined otherwise. */
export async function activeMemberSecret(db: Db, code: string): Promise<string | undefined> {
  const row = await db.hubMember.findFirst({
    where: { code, active: true },
    select: { secretCipher: true },
  });
  return row ? decryptField(row.secretCipher) : undefined;
}

/** How the hub reaches an active member, or undefined when it is unknown or inactive. */
export async function memberEndpoint(db: Db, code: string): Promise<MemberEndpoint | undefined> {
  const row = await db.hubMember.findFirst({
    where: { code, active: true },
    select: { code: true, baseUrl: true, secretCipher: true },
  });
  if (!row) return undefined;
  return { code: row.code, baseUrl: row.baseUrl, secret: decryptField(row.secretCipher) };
}
