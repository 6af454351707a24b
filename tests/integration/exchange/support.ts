import { createHash, randomInt, randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-cipher";
import type { Db } from "@/lib/db/client";
import type { SubmitTransfer } from "@/lib/exchange/messages";

// Shared by the exchange's integration tests: members registered on the hub with known secrets,
// a transfer submission that passes the contract, and people who never collide between tests
// (the hub's tables are shared by every test file of the run).

export const GD = "440000";
export const SZ = "440300";
export const BJ = "110000";

/** A secret per member, long enough for config.ts. */
export function secretOf(code: string): string {
  return `test-secret-${code}-0123456789abcdefghijklmnop`;
}

export const BASE_URLS: Record<string, string> = {
  [GD]: "http://gd.test",
  [SZ]: "http://sz.test",
  [BJ]: "http://bj.test",
};

/** Registers (or re-keys) the three test members on the hub. */
export async function ensureMembers(db: Db): Promise<void> {
  for (const code of [GD, SZ, BJ]) {
    const data = {
      baseUrl: BASE_URLS[code]!,
      secretCipher: encryptField(secretOf(code)),
      active: true,
    };
    await db.hubMember.upsert({ where: { code }, create: { code, ...data }, update: data });
  }
}

/** An 18-character number no other test uses (the hub does not check GB 11643). */
export function uniqueIdNumber(): string {
  return `4401061990${String(randomInt(10 ** 7)).padStart(7, "0")}X`;
}

export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9,
]);

export function attachment(bytes: Buffer = JPEG, role = "photo") {
  return {
    role,
    contentType: "image/jpeg" as const,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    data: bytes.toString("base64"),
  };
}

/** 广州天河 → 深圳福田, one photo. */
export function submission(
  overrides: Partial<SubmitTransfer["transfer"]> = {},
): SubmitTransfer & { transfer: { person: { idNumber: string } } } {
  return {
    messageId: randomUUID(),
    transfer: {
      id: randomUUID(),
      destMember: SZ,
      destRegionCode: "440304",
      originRegionCode: "440106",
      originRegionName: "广东省广州市天河区",
      person: {
        name: "张三",
        idType: "RESIDENT_ID",
        idNumber: uniqueIdNumber(),
        phone: "13800138000",
      },
      approvedAt: "2026-11-27T04:00:00.000Z",
      file: { snapshot: { basic: { name: "张三" } }, attachments: [attachment()] },
      ...overrides,
    },
  };
}

export const event = (e: "withdraw" | "receive" | "reject", reason?: string) => ({
  messageId: randomUUID(),
  event: e,
  ...(reason ? { reason } : {}),
});
