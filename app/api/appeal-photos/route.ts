import type { NextRequest } from "next/server";
import { APPEAL_TOKEN_HEADER } from "@/lib/appeal/appeal-rules";
import { storeAppealPhoto } from "@/lib/appeal/photo";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { sameOrigin } from "@/lib/http/same-origin";
import { childLogger } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage/storage";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/lib/upload/limits";

export const dynamic = "force-dynamic";

function answer(status: number, body: object, requestId: string): Response {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", [REQUEST_ID_HEADER]: requestId },
  });
}

/**
 * One photo of a 账号申诉 draft: `?appeal=<id>&kind=id-front|id-back|holding`, the draft's secret
 * in the x-appeal-token header, the raw file as the body (as POST /api/attachments). Answers
 * `{ ok: true, photoId, width, height }` or `{ ok: false, message }`.
 */
export async function POST(request: NextRequest) {
  // This route skips proxy.ts (see its matcher), so it takes its request id itself.
  const requestId = requestIdFrom(request.headers);
  const reply = (status: number, body: object) => answer(status, body, requestId);
  if (!sameOrigin(request.headers)) {
    return reply(403, { ok: false, message: "请求来源无效，请刷新页面后重试" });
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    return reply(413, { ok: false, message: UPLOAD_MESSAGES.tooLarge });
  }
  try {
    const r = await storeAppealPhoto(db, getStorage(), clientInfoFromHeaders(request.headers), {
      appealId: request.nextUrl.searchParams.get("appeal") ?? "",
      token: request.headers.get(APPEAL_TOKEN_HEADER) ?? "",
      kind: request.nextUrl.searchParams.get("kind") ?? "",
      body: request.body,
    });
    if (!r.ok) {
      const response = reply(r.status, { ok: false, message: r.message });
      if (r.retryAfterSeconds) response.headers.set("Retry-After", String(r.retryAfterSeconds));
      return response;
    }
    return reply(200, r);
  } catch (error) {
    childLogger({ requestId, route: "/api/appeal-photos" }).error(
      { err: error instanceof Error ? { type: error.name } : { type: typeof error } },
      "appeal photo upload failed",
    );
    return reply(500, {
      ok: false,
      message: `系统繁忙，请稍后重试。如多次失败，请联系客服并提供编号 ${requestId.slice(0, 8)}`,
    });
  }
}
