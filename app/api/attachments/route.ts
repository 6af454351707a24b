import type { NextRequest } from "next/server";
import { sessionOwnerTag } from "@/lib/account/session-clock";
import { currentSession } from "@/lib/auth/current-session";
import { UPLOAD_KIND_UNKNOWN } from "@/lib/upload/attachment-service";
import { receiveUpload } from "@/lib/upload/receive-upload";
import { isUploadKind } from "@/lib/upload/kinds";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { sameOrigin } from "@/lib/http/same-origin";
import { childLogger } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage/storage";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/lib/upload/limits";
import { UPLOAD_OWNER_HEADER, uploadOwnerRefusal } from "@/lib/auth/page-owner";

export const dynamic = "force-dynamic";

const LOGIN_EXPIRED = "登录已失效，请重新登录";
const CROSS_SITE = "请求来源无效，请刷新页面后重试";

function answer(status: number, body: object, requestId: string): Response {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", [REQUEST_ID_HEADER]: requestId },
  });
}

/**
 * One image (信息采集, 信息变更, 继续教育 evidence). Query `?kind=headshot|document-page|student-card|ce-evidence`, body the
 * raw file bytes (not multipart), header `x-kuaiji-owner` the tag of the person whose page sent
 * it (lib/auth/page-owner.ts). Answers `{ ok: true, attachmentId, width, height }` or
 * `{ ok: false, message }` with a Chinese message for the field.
 */
export async function POST(request: NextRequest) {
  // This route skips proxy.ts (see its matcher), so it takes its request id itself.
  const requestId = requestIdFrom(request.headers);
  const reply = (status: number, body: object) => answer(status, body, requestId);
  if (!sameOrigin(request.headers)) return reply(403, { ok: false, message: CROSS_SITE });

  const session = await currentSession();
  if (!session) return reply(401, { ok: false, message: LOGIN_EXPIRED });
  // before the body: the file goes only to the person whose page sent it
  const notOwner = uploadOwnerRefusal(
    request.headers.get(UPLOAD_OWNER_HEADER),
    sessionOwnerTag({ personId: session.personId }),
  );
  if (notOwner) return reply(notOwner.status, { ok: false, message: notOwner.message });

  // before the body: a request for an unknown kind need not be read at all
  const kind = request.nextUrl.searchParams.get("kind");
  if (!isUploadKind(kind)) return reply(422, { ok: false, message: UPLOAD_KIND_UNKNOWN });

  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    return reply(413, { ok: false, message: UPLOAD_MESSAGES.tooLarge });
  }

  try {
    const r = await receiveUpload(
      db,
      getStorage(),
      clientInfoFromHeaders(request.headers),
      session,
      kind,
      request.body,
    );
    if (!r.ok) {
      const response = reply(r.status, { ok: false, message: r.message });
      if (r.retryAfterSeconds) response.headers.set("Retry-After", String(r.retryAfterSeconds));
      return response;
    }
    return reply(200, r);
  } catch (error) {
    childLogger({ requestId, route: "/api/attachments" }).error(
      {
        err:
          error instanceof Error
            ? { type: error.name, stack: error.stack?.split("\n").slice(1).join("\n") }
            : { type: typeof error },
      },
      "upload failed",
    );
    return reply(500, {
      ok: false,
      message: `系统繁忙，请稍后重试。如多次失败，请联系客服并提供编号 ${requestId.slice(0, 8)}`,
    });
  }
}
