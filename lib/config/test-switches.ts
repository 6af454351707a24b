// Test switches: environment variables that weaken the platform for automated tests:
// CAPTCHA_TEST_ANSWER makes every graphic captcha show and accept a fixed answer;
// KUAIJI_BENCH_ROUTES opens the bench's bare write routes (app/api/bench), which skip sessions.
// They work only together with KUAIJI_ALLOW_TEST_SWITCHES=1, and a server started with a switch
// but without that permission refuses to start (instrumentation.ts) — so a stray variable in a
// production environment is a startup failure, never a silent hole. Pure functions: no logging,
// no process access beyond the env object handed in.

export const TEST_SWITCHES = ["CAPTCHA_TEST_ANSWER", "KUAIJI_BENCH_ROUTES"] as const;
export type TestSwitch = (typeof TEST_SWITCHES)[number];

type Env = Record<string, string | undefined>;

/** Test switches that are set (non-empty) in `env`. */
export function activeTestSwitches(env: Env): TestSwitch[] {
  return TEST_SWITCHES.filter((name) => (env[name] ?? "") !== "");
}

export function testSwitchesAllowed(env: Env): boolean {
  return env.KUAIJI_ALLOW_TEST_SWITCHES === "1";
}

export class TestSwitchError extends Error {
  override name = "TestSwitchError";
}

/**
 * Throws when a test switch is set without KUAIJI_ALLOW_TEST_SWITCHES=1; returns the active
 * switches otherwise (empty in production).
 */
export function assertTestSwitchesAllowed(env: Env): TestSwitch[] {
  const active = activeTestSwitches(env);
  if (active.length > 0 && !testSwitchesAllowed(env)) {
    throw new TestSwitchError(
      `检测到测试开关 ${active.join(", ")}，但未设置 KUAIJI_ALLOW_TEST_SWITCHES=1，拒绝启动（生产环境不得设置测试开关）。` +
        ` / Test switch ${active.join(", ")} is set but KUAIJI_ALLOW_TEST_SWITCHES is not "1": refusing to start (test switches must never be set in production).`,
    );
  }
  return active;
}

/**
 * The fixed captcha answer for end-to-end tests, or undefined. Honoured only when test switches
 * are allowed, so even code paths that run without instrumentation (scripts) stay safe.
 */
export function captchaTestAnswer(env: Env): string | undefined {
  const answer = env.CAPTCHA_TEST_ANSWER;
  return answer && testSwitchesAllowed(env) ? answer : undefined;
}
