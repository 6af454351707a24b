import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { hashSecret, secretEquals } from "@/lib/crypto/secret-hash";
import { fieldRefusal, type Refusal } from "@/lib/db/refusal";
import { maskPhone } from "@/lib/phone/mask";
import { getSmsSender } from "@/lib/sms/sender";
import { smsText } from "@/lib/sms/text";
import type { SmsPurpose } from "@/lib/sms/types";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/log/logger";
import { beijingDayStart, beijingToday } from "@/lib/time/beijing";
import { CAPTCHA_WRONG, consumeCaptcha } from "./captcha-service";
import { clientKeys } from "./client-network";
import { budget, giveBack, take } from "@/lib/limits/budget";
import { securityConfig } from "./security-config";
import {
  codeState,
  decideSend,
  generateSmsCode,
  type SendDecision,
  SMS_CODE_MESSAGES,
} from "./sms-code-rules";

type LimitReason = Extract<SendDecision, { ok: false }>["reason"];

/** Refusals are shown at the captcha or at the phone's field. */
export type SendCodeResult =
  | { ok: true; resendAfterSeconds: number }
  | (Refusal<"captcha" | LimitReason | "daily-cap" | "delivery"> & { retryAfterSeconds?: number });

/** The platform's SMS budget is spent for today (toll-fraud guard); people are told plainly. */
export const SMS_DAILY_CAP_REACHED =
  "今日短信发送量已达平台上限，请明天再试，急需办理请联系当地财政部门";

export interface SendCodeRequest {
  phone: string;
  /** The form's name for the phone, where a refusal about it is shown ("phone" by default). */
  phoneField?: string;
  purpose: SmsPurpose;
  /** The language the person asked in: the SMS is written in it (default 简体中文). */
  locale?: Locale;
  captchaId: string;
  captchaAnswer: string;
  /**
   * Whether this phone may really receive a code for this purpose (e.g. 找回密码 only to the
   * account's own phone). The answer on screen is the same either way, so nobody learns
   * whether a number is registered; only the phone's owner sees a difference.
   */
  deliverTo?: (tx: Tx) => Promise<boolean>;
}

const HOUR = 3_600_000;

/** Until 00:00 Beijing time, when 今日's cap is lifted. */
function secondsToBeijingMidnight(now: Date): number {
  const midnight = beijingDayStart(beijingToday(now)).getTime() + 24 * HOUR;
  return Math.ceil((midnight - now.getTime()) / 1000);
}

/** 获取短信验证码: captcha first, then the shared limits, then the code (stored hashed). */
export async function sendSmsCode(
  db: Db,
  ctx: RequestContext,
  req: SendCodeRequest,
  now = new Date(),
): Promise<SendCodeResult> {
  if (!(await consumeCaptcha(db, req.captchaId, req.captchaAnswer, now))) {
    return fieldRefusal("captcha", "captchaAnswer", CAPTCHA_WRONG);
  }
  const phoneField = req.phoneField ?? "phone";
  const config = securityConfig();
  // The platform's daily budget first, atomically: a pumping attack spread over many phones and
  // addresses passes every per-phone and per-address limit, and each message costs money.
  // One count per Beijing calendar day (今日 means today), kept two days so the key outlives it.
  const daily = budget(db, "sms-day", config.smsPerDay, 2 * 86_400);
  const dayKey = daily.getKey(beijingToday(now));
  const spent = await take(daily, beijingToday(now));
  if (!spent.ok) {
    logger.error(
      { cap: config.smsPerDay },
      "sms daily cap reached: codes refused until the next Beijing day",
    );
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        actorType: "anonymous",
        action: "auth.sms-code-refused",
        outcome: "denied",
        details: { purpose: req.purpose, phone: maskPhone(req.phone), reason: "daily-cap" },
      }),
    );
    return {
      ...fieldRefusal("daily-cap", phoneField, SMS_DAILY_CAP_REACHED),
      retryAfterSeconds: secondsToBeijingMidnight(now),
    };
  }
  // Counted per client as the login limits count one (client-network.ts): an IPv6 client is its
  // /64, so hopping addresses inside it is one client; no address at all is one shared client.
  const client = clientKeys(ctx.ip).address;
  const code = generateSmsCode();
  const outcome = await db
    .$transaction(async (tx) => {
      // Serialise sends per phone and per IP across every app instance sharing the database.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"sms-phone:" + req.phone}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"sms-ip:" + client}))`;
      const dayAgo = new Date(now.getTime() - 24 * HOUR);
      const hourAgo = new Date(now.getTime() - HOUR);
      const [last, phoneLastHour, phoneLastDay, ipLastHour, ipLastDay] = await Promise.all([
        tx.smsCode.findFirst({
          where: { phone: req.phone },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        }),
        tx.smsCode.count({ where: { phone: req.phone, createdAt: { gt: hourAgo } } }),
        tx.smsCode.count({ where: { phone: req.phone, createdAt: { gt: dayAgo } } }),
        tx.smsCode.count({ where: { ip: client, createdAt: { gt: hourAgo } } }),
        tx.smsCode.count({ where: { ip: client, createdAt: { gt: dayAgo } } }),
      ]);
      const decision = decideSend(
        { lastSentAt: last?.createdAt ?? null, phoneLastHour, phoneLastDay, ipLastHour, ipLastDay },
        now,
        config,
      );
      const audit = {
        actorType: "anonymous" as const,
        details: { purpose: req.purpose, phone: maskPhone(req.phone) },
      };
      if (!decision.ok) {
        await writeAudit(tx, ctx, {
          ...audit,
          action: "auth.sms-code-refused",
          outcome: "denied",
          details: { ...audit.details, reason: decision.reason },
        });
        return decision;
      }
      const deliver = req.deliverTo ? await req.deliverTo(tx) : true;
      // The row is written even when nothing is delivered, so limits count the same either way.
      await tx.smsCode.create({
        data: {
          phone: req.phone,
          purpose: req.purpose,
          createdAt: now,
          delivered: deliver,
          codeHash: hashSecret("sms", `${req.phone}:${req.purpose}:${code}`),
          expiresAt: new Date(now.getTime() + config.smsCodeTtlSeconds * 1000),
          ip: client,
        },
      });
      await writeAudit(tx, ctx, {
        ...audit,
        action: "auth.sms-code-sent",
        outcome: "success",
        details: { ...audit.details, delivered: deliver },
      });
      return { ok: true as const, deliver };
    })
    .catch(async (error: unknown) => {
      await giveBack(db, [dayKey]);
      throw error;
    });
  // nothing goes out: the day's budget was not spent
  if (!outcome.ok || !outcome.deliver) await giveBack(db, [dayKey]);
  if (!outcome.ok) {
    const { reason, message, retryAfterSeconds } = outcome;
    return { ...fieldRefusal(reason, phoneField, message), retryAfterSeconds };
  }
  if (outcome.deliver) {
    const delivery = getSmsSender().send({
      to: req.phone,
      purpose: req.purpose,
      text: smsText(req.purpose, code, { locale: req.locale }),
      templateParams: { code },
    });
    const logFailure = (error: unknown) =>
      logger.error(
        { err: error instanceof Error ? error.message : String(error), purpose: req.purpose },
        "sms delivery failed",
      );
    if (req.deliverTo) {
      // The answer must not wait for the gateway only when a code is really sent: that delay
      // would tell whether the number belongs to the account.
      void delivery.catch(logFailure);
    } else {
      try {
        await delivery;
      } catch (error) {
        logFailure(error);
        await giveBack(db, [dayKey]);
        return fieldRefusal("delivery", phoneField, "短信发送失败，请稍后重试");
      }
    }
  }
  return { ok: true, resendAfterSeconds: config.smsResendSeconds };
}

export type VerifyCodeResult = { ok: true; codeId: string } | { ok: false; message: string };

/**
 * Checks a code inside the caller's transaction: a right code is used up together with the
 * change it authorises (rolled back with it if that change fails); a wrong one counts a try,
 * so the caller must commit — i.e. return, not throw — on failure.
 */
export async function verifySmsCode(
  tx: Tx,
  req: { phone: string; purpose: SmsPurpose; code: string },
  now = new Date(),
): Promise<VerifyCodeResult> {
  if (!/^\d{6}$/.test(req.code)) return { ok: false, message: SMS_CODE_MESSAGES.format };
  // Only the newest code the phone really received counts: asking again replaces it, and a
  // request that delivered nothing (someone else's 找回密码 attempt) cannot cancel it.
  const latest = await tx.smsCode.findFirst({
    where: { phone: req.phone, purpose: req.purpose, delivered: true },
    orderBy: { createdAt: "desc" },
  });
  if (!latest) return { ok: false, message: SMS_CODE_MESSAGES.missing };
  const config = securityConfig();
  const state = codeState(latest, now, config);
  if (state === "expired" || state === "consumed")
    return { ok: false, message: SMS_CODE_MESSAGES.expired };
  if (state === "exhausted") return { ok: false, message: SMS_CODE_MESSAGES.exhausted };
  // Reserve the try before comparing, atomically: parallel guesses cannot exceed the limit.
  const reserved = await tx.smsCode.updateMany({
    where: { id: latest.id, consumedAt: null, attempts: { lt: config.smsCodeMaxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count !== 1) return { ok: false, message: SMS_CODE_MESSAGES.exhausted };
  const right = secretEquals(
    latest.codeHash,
    hashSecret("sms", `${req.phone}:${req.purpose}:${req.code}`),
  );
  if (!right) {
    return {
      ok: false,
      message:
        latest.attempts + 1 >= config.smsCodeMaxAttempts
          ? SMS_CODE_MESSAGES.exhausted
          : SMS_CODE_MESSAGES.wrong,
    };
  }
  const claimed = await tx.smsCode.updateMany({
    where: { id: latest.id, consumedAt: null },
    data: { consumedAt: now },
  });
  return claimed.count === 1
    ? { ok: true, codeId: latest.id }
    : { ok: false, message: SMS_CODE_MESSAGES.expired };
}

/**
 * Gives a used code back when what it authorised was refused for a reason the person can correct
 * (省外调入: a mistyped 调入地, the exchange briefly unreachable), so they fix the field instead of
 * waiting for a new SMS. The try it cost stays counted, so the code still authorises at most
 * smsCodeMaxAttempts checks in all; a code that has expired meanwhile stays used.
 */
export async function releaseSmsCode(db: Db | Tx, codeId: string, now = new Date()): Promise<void> {
  const config = securityConfig();
  await db.smsCode.updateMany({
    where: {
      id: codeId,
      consumedAt: { not: null },
      attempts: { lt: config.smsCodeMaxAttempts },
      expiresAt: { gt: now },
    },
    data: { consumedAt: null },
  });
}
