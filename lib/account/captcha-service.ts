import "server-only";
import svgCaptcha from "svg-captcha";
import type { Db } from "@/lib/db/client";
import { hashSecret, secretEquals } from "@/lib/crypto/secret-hash";
import type { RequestContext } from "@/lib/audit/audit";
import { captchaTestAnswer } from "@/lib/config/test-switches";
import { clientKeys } from "./client-network";
import { type BudgetAnswer, budget, take } from "@/lib/limits/budget";
import { securityConfig } from "./security-config";

// Characters people confuse on a phone screen are left out.
const IGNORE = "0oO1iIlLqg9";
const SIZE = { width: 120, height: 40, fontSize: 44 };
// The package's default export also renders a given text; its typings omit that signature.
const renderText = svgCaptcha as unknown as (
  text: string,
  options: Parameters<typeof svgCaptcha.create>[0],
) => string;

function normaliseAnswer(answer: string): string {
  return answer.trim().toLowerCase();
}

/**
 * A new graphic captcha. The challenge lives in the database (hashed, 5 minutes, single use)
 * so every app instance can check it. Under the CAPTCHA_TEST_ANSWER switch the picture shows
 * that text and only that text is accepted (end-to-end tests; refused at start in production).
 */
export async function createCaptcha(
  db: Db,
  now = new Date(),
): Promise<{ id: string; svg: string }> {
  const forced = captchaTestAnswer(process.env);
  const captcha = forced
    ? { text: forced, data: renderText(forced, SIZE) }
    : svgCaptcha.create({ size: 4, ignoreChars: IGNORE, noise: 2, color: true, ...SIZE });
  const row = await db.captcha.create({
    data: {
      answerHash: hashSecret("captcha", normaliseAnswer(captcha.text)),
      createdAt: now,
      expiresAt: new Date(now.getTime() + securityConfig().captchaTtlSeconds * 1000),
    },
    select: { id: true },
  });
  return { id: row.id, svg: captcha.data };
}

/**
 * 图形验证码 for a visitor (GET /api/captcha): anyone may ask, so each address has a budget per
 * 15 minutes (every picture is a row until the prune job), and the picture travels as an image
 * (a data: URL for <img>), never as markup the page would inject.
 */
export async function issueCaptcha(
  db: Db,
  ctx: RequestContext,
): Promise<{ ok: true; id: string; image: string } | Extract<BudgetAnswer, { ok: false }>> {
  const limiter = budget(db, "captcha-ip", securityConfig().captchaPerAddress, 15 * 60);
  const allowed = await take(limiter, clientKeys(ctx.ip).address);
  if (!allowed.ok) return allowed;
  const c = await createCaptcha(db);
  return {
    ok: true,
    id: c.id,
    image: `data:image/svg+xml;base64,${Buffer.from(c.svg).toString("base64")}`,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks and uses up a captcha. A wrong answer also uses it up, so each picture allows one
 * guess: the client then shows a new one.
 */
export async function consumeCaptcha(
  db: Db,
  id: string,
  answer: string,
  now = new Date(),
): Promise<boolean> {
  if (!UUID.test(id) || !answer) return false;
  const claimed = await db.captcha.updateMany({
    where: { id, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (claimed.count !== 1) return false;
  const row = await db.captcha.findUnique({ where: { id }, select: { answerHash: true } });
  if (!row) return false;
  const forced = captchaTestAnswer(process.env);
  if (forced && normaliseAnswer(answer) !== normaliseAnswer(forced)) return false;
  return secretEquals(row.answerHash, hashSecret("captcha", normaliseAnswer(answer)));
}

export const CAPTCHA_WRONG = "图形验证码错误或已过期，请重新输入";
