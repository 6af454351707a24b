import "server-only";
import { z } from "zod";
import { logger } from "@/lib/log/logger";

// A real-name verification service (实名核验: does this name belong to this 证件号码?) as 账号申诉
// asks it, once, at 提交. Off by default: the reviewer's comparison of the photos is the check;
// when a service is configured its answer is shown beside them, never required — "unknown" (the
// service down, slow or confused) changes nothing but the line the reviewer reads.
//
// Env: KUAIJI_REAL_NAME = none (default) | http; for http, KUAIJI_REAL_NAME_URL (POST
// {"name","idType","idNumber"} → {"result":"match"|"mismatch"}) and KUAIJI_REAL_NAME_TOKEN (sent
// as a bearer token). A provider with another protocol is one more driver here.

export type RealNameOutcome = "match" | "mismatch" | "unknown";

/** What the appeal stores (JSON: a type, not an interface) and the reviewer sees. */
export type RealNameAnswer = {
  provider: string;
  outcome: RealNameOutcome;
  checkedAt: string;
};

export interface RealNameVerifier {
  readonly provider: string;
  verify(query: { name: string; idType: string; idNumber: string }): Promise<RealNameOutcome>;
}

export const realNameAnswerSchema = z.object({
  provider: z.string(),
  outcome: z.enum(["match", "mismatch", "unknown"]),
  checkedAt: z.string(),
});

export const REAL_NAME_LABELS: Record<RealNameOutcome, string> = {
  match: "一致",
  mismatch: "不一致",
  unknown: "核验服务未能给出结果",
};

const TIMEOUT_MS = 5_000;
const httpAnswer = z.object({ result: z.enum(["match", "mismatch"]) });

/** The generic HTTP driver; `fetchImpl` for tests. */
export function httpRealNameVerifier(
  url: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): RealNameVerifier {
  return {
    provider: "http",
    async verify(query) {
      try {
        const res = await fetchImpl(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(query),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const parsed = httpAnswer.safeParse(res.ok ? await res.json() : null);
        if (parsed.success) return parsed.data.result;
        logger.warn({ status: res.status }, "real-name verification: unexpected answer");
      } catch (error) {
        logger.warn(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          "real-name verification failed",
        );
      }
      return "unknown";
    },
  };
}

/** The configured verifier, or null when off. A half configuration is an error at first use. */
export function realNameVerifierFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): RealNameVerifier | null {
  const driver = env.KUAIJI_REAL_NAME || "none";
  if (driver === "none") return null;
  if (driver !== "http") throw new Error(`KUAIJI_REAL_NAME 只能是 none 或 http，收到：${driver}`);
  const url = env.KUAIJI_REAL_NAME_URL;
  const token = env.KUAIJI_REAL_NAME_TOKEN;
  if (!url || !token) {
    throw new Error("KUAIJI_REAL_NAME=http 需要 KUAIJI_REAL_NAME_URL 和 KUAIJI_REAL_NAME_TOKEN");
  }
  return httpRealNameVerifier(url, token);
}

/** The verifier's answer for the appeal, or null when none is configured. */
export async function checkRealName(
  verifier: RealNameVerifier | null,
  query: { name: string; idType: string; idNumber: string },
  now = new Date(),
): Promise<RealNameAnswer | null> {
  if (!verifier) return null;
  const outcome = await verifier.verify(query).catch(() => "unknown" as const);
  return { provider: verifier.provider, outcome, checkedAt: now.toISOString() };
}
