import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { createCaptcha } from "@/lib/account/captcha-service";
import { gb11643CheckChar } from "@/lib/identity/gb11643";

/** A valid, unused-looking resident ID number (random birth date and sequence). */
export function randomResidentId(area = "440106"): string {
  const y = 1960 + randomInt(0, 40);
  const m = String(1 + randomInt(0, 12)).padStart(2, "0");
  const d = String(1 + randomInt(0, 28)).padStart(2, "0");
  const body = `${area}${y}${m}${d}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return body + gb11643CheckChar(body);
}

/** A mainland mobile number unlikely to collide between tests. */
export function randomPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export const STRONG_PASSWORD = "Acc0unt!ng";

/** A captcha the test switch makes answerable. */
export async function solvedCaptcha(
  db: Db,
  now = new Date(),
): Promise<{ captchaId: string; captchaAnswer: string }> {
  const c = await createCaptcha(db, now);
  return { captchaId: c.id, captchaAnswer: process.env.CAPTCHA_TEST_ANSWER ?? "" };
}

/** The newest code sent to a phone, read from the SMS outbox file as an outside suite would. */
export function latestCodeFor(phone: string): string | null {
  const file = process.env.SMS_OUTBOX_FILE;
  if (!file) throw new Error("SMS_OUTBOX_FILE is not set");
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const lines = text.trim().split("\n").filter(Boolean).reverse();
  for (const line of lines) {
    const msg = JSON.parse(line) as { to: string; text: string };
    if (msg.to === phone) return /\d{6}/.exec(msg.text)?.[0] ?? null;
  }
  return null;
}

/** Like latestCodeFor, waiting briefly: 找回密码 codes are sent after the answer. */
export async function waitForCode(phone: string, timeoutMs = 3000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const code = latestCodeFor(phone);
    if (code) return code;
    if (Date.now() > until) throw new Error(`no SMS code reached ${phone.slice(0, 3)}****`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every SMS text sent to a phone, oldest first (the outbox file). */
export function messagesTo(phone: string): string[] {
  const file = process.env.SMS_OUTBOX_FILE;
  if (!file) throw new Error("SMS_OUTBOX_FILE is not set");
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; text: string })
    .filter((m) => m.to === phone)
    .map((m) => m.text);
}

/**
 * A client of its own (an address in 198.18.0.0/15, the benchmarking range) with its own login
 * budgets (lib/account/client-throttle.ts): one test's wrong passwords must not switch the captcha
 * on for the next test's first attempt.
 */
export function freshClient(): { ip: string; userAgent: string } {
  return {
    ip: `198.${18 + randomInt(0, 2)}.${randomInt(0, 256)}.${randomInt(1, 255)}`,
    userAgent: "vitest",
  };
}
