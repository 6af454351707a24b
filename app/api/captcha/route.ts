import { db } from "@/lib/db/client";
import { issueCaptcha } from "@/lib/account/captcha-service";
import { clientInfoFromHeaders } from "@/lib/http/client-info";

export const dynamic = "force-dynamic";

/** A fresh graphic captcha: its id and the picture as an image URL. Never cached. */
export async function GET(request: Request) {
  const r = await issueCaptcha(db, clientInfoFromHeaders(request.headers));
  if (!r.ok) {
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    return Response.json(
      { message: "获取图形验证码过于频繁，请稍后再试" },
      { status: 429, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } },
    );
  }
  return Response.json({ id: r.id, image: r.image }, { headers: { "Cache-Control": "no-store" } });
}
