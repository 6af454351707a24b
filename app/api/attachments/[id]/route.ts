import { currentSession } from "@/lib/auth/current-session";
import { readableAttachment } from "@/lib/collection/attachment-service";
import { db } from "@/lib/db/client";
import { storageResponse } from "@/lib/storage/serve";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

/**
 * One attachment's image, for its owner only. An id that does not exist and one that belongs
 * to someone else get the same 404, so ids cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await currentSession();
  if (!session) {
    return Response.json(
      { ok: false, message: "登录已失效，请重新登录" },
      { status: 401, headers: NO_STORE },
    );
  }
  const { id } = await params;
  const row = await readableAttachment(db, id, { type: "person", personId: session.personId });
  if (!row) {
    return new Response("文件不存在", {
      status: 404,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // storageResponse sets no-store and nosniff itself, and answers the same 404 when the object
  // is missing from storage.
  return storageResponse(row.storageKey, { filename: "附件.jpg" });
}
