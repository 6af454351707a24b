import { currentStaff } from "@/lib/auth/current-staff";
import { appealPhotoForReview, recordAppealPhotoView } from "@/lib/appeal/open";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { staffActor } from "@/lib/staff/staff-session";
import { storageResponse } from "@/lib/storage/serve";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

/**
 * One photo of an appeal, for a reviewer who may open the appeal (identity-review, the appeal's
 * region): anything else — another region, no role, no such photo — is the same 404. Each photo
 * served is a view on the audit record.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; kind: string }> },
) {
  const staff = await currentStaff();
  if (!staff) {
    return Response.json(
      { ok: false, message: "登录已失效，请重新登录" },
      { status: 401, headers: NO_STORE },
    );
  }
  const { id, kind } = await params;
  const actor = staffActor(staff);
  const photo = await appealPhotoForReview(db, actor, id, kind);
  if (!photo) {
    return new Response("文件不存在", {
      status: 404,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const response = await storageResponse(photo.storageKey, { filename: "申诉照片.jpg" });
  if (response.ok) {
    await recordAppealPhotoView(
      db,
      clientInfoFromHeaders(request.headers),
      actor,
      id,
      kind,
      photo.regionCode,
    );
  }
  return response;
}
