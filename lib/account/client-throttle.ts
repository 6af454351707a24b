import "server-only";
import { type RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { type BudgetAnswer, budget, giveBack, take } from "@/lib/limits/budget";
import { clientKeys } from "./client-network";
import { securityConfig } from "./security-config";

// Login attempts per client, against password spraying: one common password tried against
// thousands of numbers never meets the per-number lock, so attempts are also counted per address,
// per network (/24, /64) and for everyone together, in fixed windows (rate-limiter-flexible on the
// platform's own database, so every instance shares one count).
//
// An attempt is taken from each budget *before* its password is hashed — one atomic upsert per
// key — so parallel requests cannot all pass a check made before any of them was counted; a login
// that turns out right is given back: only failures stay on the count, and an office
// behind one address is not punished for its colleagues logging in.

const WINDOW_SECONDS = 15 * 60;

interface Limiters {
  address: RateLimiterPrisma;
  network: RateLimiterPrisma;
  everyone: RateLimiterPrisma;
}

/** The three login budgets (cheap objects: the counts live in the table, the settings in env). */
function limiters(db: Db): Limiters {
  const c = securityConfig();
  return {
    address: budget(db, "login-ip", c.loginPerAddress, WINDOW_SECONDS),
    network: budget(db, "login-net", c.loginPerNetwork, WINDOW_SECONDS),
    everyone: budget(db, "login-all", c.loginCaptchaForAllPerMinute, 60),
  };
}

/**
 * A captcha from the first attempt: this address failed recently (some failures, not yet the
 * limit), or so many logins fail everywhere this minute that the platform is under a spray.
 */
export async function captchaFirst(db: Db, ctx: RequestContext): Promise<boolean> {
  const { address } = clientKeys(ctx.ip);
  const l = limiters(db);
  const c = securityConfig();
  const [mine, all] = await Promise.all([l.address.get(address), l.everyone.get("all")]);
  return (
    (mine?.consumedPoints ?? 0) >= c.loginCaptchaAfterAddressFailures ||
    (all?.consumedPoints ?? 0) >= c.loginCaptchaForAllPerMinute
  );
}

/** Takes one attempt from the address's, the network's and everyone's budget. */
export async function reserveClientAttempt(db: Db, ctx: RequestContext): Promise<BudgetAnswer> {
  const keys = clientKeys(ctx.ip);
  const l = limiters(db);
  const mine = await take(l.address, keys.address);
  if (!mine.ok) return mine;
  const network = await take(l.network, keys.network);
  if (!network.ok) {
    // refused by the network's count, not the address's: this client's own count stays as it was
    await giveBack(db, [l.address.getKey(keys.address)]);
    return network;
  }
  // everyone's count only switches the captcha on (captchaFirst); it never refuses by itself
  await l.everyone.consume("all").catch((over: unknown) => {
    if (!(over instanceof RateLimiterRes)) throw over;
  });
  return { ok: true };
}

/**
 * A right password: the attempt was not a failure, so it leaves every count — never below zero
 * (the library's reward would go negative, and a sprayer logging into their own account between
 * guesses would bank attempts), and never reviving a window that has ended.
 */
export async function releaseClientAttempt(db: Db, ctx: RequestContext): Promise<void> {
  const keys = clientKeys(ctx.ip);
  const l = limiters(db);
  await giveBack(db, [
    l.address.getKey(keys.address),
    l.network.getKey(keys.network),
    l.everyone.getKey("all"),
  ]);
}

/** "登录尝试过于频繁" with when to come back, in whole minutes. */
export function clientLimitMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `该网络登录失败次数过多，请 ${minutes} 分钟后再试`;
}
