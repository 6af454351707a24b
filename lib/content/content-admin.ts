import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import type { Refusal } from "@/lib/db/refusal";
import { invalidRefusal } from "@/lib/http/action-result";
import { ownRegionCode, type StaffScope } from "@/lib/region/scope";
import { type StaffActor, holdsAny, ROLE_REFUSAL } from "@/lib/codes/staff-roles";
import { type AppliedContent, appliedContentBlock, type ContentKey } from "./content-blocks";
import { contentBlockSchema } from "./content-schema";

// Staff-maintained texts (采集须知) as an administrator edits them: always their own region's
// text, which then applies to their region and below wherever no lower office has its own
// (content-blocks.ts). Every change is audited as content.update in its transaction.

export interface ContentForEdit {
  /** The staff member's own region: where a save stores the text. */
  regionCode: string;
  /** Their region's own text, or null while it uses an upper office's (or the platform's). */
  own: { title: string; body: string; updatedAt: Date } | null;
  /** What the people of their region see now. */
  applied: AppliedContent | null;
}

export type ContentResult = { ok: true } | Refusal<"invalid" | "not-found" | "role">;

const NO_REGION = "您的账号没有所属行政区划，不能设置";

export async function contentForEdit(
  db: Db,
  scope: StaffActor,
  key: ContentKey,
): Promise<ContentForEdit | null> {
  if (!holdsAny(scope, ["staff-admin"])) return null;
  const regionCode = ownRegionCode(scope);
  if (!regionCode) return null;
  const [own, applied] = await Promise.all([
    db.contentBlock.findUnique({
      where: { key_regionCode: { key, regionCode } },
      select: { title: true, body: true, updatedAt: true },
    }),
    appliedContentBlock(db, key, regionCode),
  ]);
  return { regionCode, own, applied };
}

function audit(scope: StaffScope, key: ContentKey, regionCode: string, op: string) {
  return {
    actorType: "staff",
    actorId: scope.staffId,
    action: "content.update",
    outcome: "success",
    regionCode,
    targetType: "content-block",
    targetId: `${key}:${regionCode}`,
    details: { key, op },
  } as const;
}

/** 保存: the staff member's region's own text, created or replaced. */
export async function saveContentBlock(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  key: ContentKey,
  input: unknown,
): Promise<ContentResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const parsed = contentBlockSchema.safeParse(input);
  if (!parsed.success) {
    return invalidRefusal(parsed.error.issues);
  }
  const regionCode = ownRegionCode(scope);
  if (!regionCode) return { ok: false, reason: "not-found", message: NO_REGION };
  const title = parsed.data.title;
  const body = parsed.data.body.replace(/\r\n?/g, "\n");
  await db.$transaction(async (tx) => {
    const before = await tx.contentBlock.findUnique({
      where: { key_regionCode: { key, regionCode } },
      select: { title: true, body: true },
    });
    if (before?.title === title && before.body === body) return; // nothing changed
    await tx.contentBlock.upsert({
      where: { key_regionCode: { key, regionCode } },
      create: { key, regionCode, title, body },
      update: { title, body },
    });
    await writeAudit(tx, ctx, audit(scope, key, regionCode, before ? "update" : "create"));
  });
  return { ok: true };
}

/** 恢复使用上级文本: removes the region's own text; the upper office's applies again. */
export async function resetContentBlock(
  db: Db,
  ctx: RequestContext,
  scope: StaffActor,
  key: ContentKey,
): Promise<ContentResult> {
  if (!holdsAny(scope, ["staff-admin"])) return ROLE_REFUSAL;
  const regionCode = ownRegionCode(scope);
  if (!regionCode) return { ok: false, reason: "not-found", message: NO_REGION };
  await db.$transaction(async (tx) => {
    const { count } = await tx.contentBlock.deleteMany({ where: { key, regionCode } });
    if (count > 0) await writeAudit(tx, ctx, audit(scope, key, regionCode, "reset"));
  });
  return { ok: true };
}
