import { currentSession } from "@/lib/auth/current-session";
import { currentStaff } from "@/lib/auth/current-staff";
import {
  type AttachmentViewer,
  readableAttachment,
  recordStaffView,
  staffAttachmentViewer,
} from "@/lib/upload/attachment-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { staffActor } from "@/lib/staff/staff-session";
import { db } from "@/lib/db/client";
import { storageResponse } from "@/lib/storage/serve";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

/** The accountant logged in here, else the finance staff member, else nobody. */
async function viewer(): Promise<AttachmentViewer | null> {
  const person = await currentSession();
  if (person) return { type: "person", personId: person.personId };
  const staff = await currentStaff();
  if (!staff) return null;
  return staffAttachmentViewer(staffActor(staff));
}

/**
 * One attachment's image, for its owner and for finance staff who review it (readableAttachment
 * decides; a staff view is audited). An id that does not exist and one the viewer may not see get
 * the same 404, so ids cannot be probed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await viewer();
  if (!who) {
    return Response.json(
      { ok: false, message: "登录已失效，请重新登录" },
      { status: 401, headers: NO_STORE },
    );
  }
  const { id } = await params;
  const row = await readableAttachment(db, id, who);
  if (!row) {
    return new Response("文件不存在", {
      status: 404,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // storageResponse sets no-store and nosniff itself, and answers the same 404 when the object
  // is missing from storage; only a file actually served is a staff view on the record.
  const response = await storageResponse(row.storageKey, { filename: "附件.jpg" });
  if (who.type === "staff" && "regionCode" in row && response.ok) {
    await recordStaffView(
      db,
      clientInfoFromHeaders(request.headers),
      who.staffId,
      id,
      row.regionCode,
    );
  }
  return response;
}
