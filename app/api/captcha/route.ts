import { db } from "@/lib/db/client";
import { createCaptcha } from "@/lib/account/captcha-service";

export const dynamic = "force-dynamic";

/** A fresh graphic captcha: its id and the SVG picture. Never cached. */
export async function GET() {
  const captcha = await createCaptcha(db);
  return Response.json(captcha, { headers: { "Cache-Control": "no-store" } });
}
