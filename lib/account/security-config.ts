/**
 * Account-security settings. Defaults follow the issue (and common gateway limits); each can be
 * changed per deployment through env without a code change.
 */
type Env = Record<string, string | undefined>;

export interface SecurityConfig {
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  smsCodeTtlSeconds: number;
  smsCodeMaxAttempts: number;
  smsResendSeconds: number;
  smsPerPhoneHour: number;
  smsPerPhoneDay: number;
  smsPerIpHour: number;
  smsPerIpDay: number;
  captchaTtlSeconds: number;
  /** Failed logins per address in 15 minutes, then refused (lib/account/client-throttle.ts). */
  loginPerAddress: number;
  /** … per /24 or /64 network. */
  loginPerNetwork: number;
  /** An address with this many recent failures answers the captcha from its first attempt. */
  loginCaptchaAfterAddressFailures: number;
  /** Failed logins per minute across the platform beyond which everyone answers the captcha. */
  loginCaptchaForAllPerMinute: number;
  /** SMS codes the platform sends in 24 hours, all phones together (toll-fraud guard). */
  smsPerDay: number;
  /** Captcha pictures one address may ask for in 15 minutes. */
  captchaPerAddress: number;
}

function intEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} 必须是正整数（当前值：${raw}）`);
  return n;
}

export function securityConfig(env: Env = process.env): SecurityConfig {
  return {
    lockoutThreshold: intEnv(env, "KUAIJI_LOCKOUT_THRESHOLD", 5),
    lockoutMinutes: intEnv(env, "KUAIJI_LOCKOUT_MINUTES", 30),
    sessionIdleMinutes: intEnv(env, "KUAIJI_SESSION_IDLE_MINUTES", 30),
    sessionMaxHours: intEnv(env, "KUAIJI_SESSION_MAX_HOURS", 12),
    smsCodeTtlSeconds: 300,
    smsCodeMaxAttempts: 5,
    smsResendSeconds: intEnv(env, "KUAIJI_SMS_RESEND_SECONDS", 60),
    smsPerPhoneHour: 5,
    smsPerPhoneDay: 10,
    smsPerIpHour: intEnv(env, "KUAIJI_SMS_PER_IP_HOUR", 20),
    smsPerIpDay: intEnv(env, "KUAIJI_SMS_PER_IP_DAY", 60),
    captchaTtlSeconds: 300,
    loginPerAddress: intEnv(env, "KUAIJI_LOGIN_PER_IP", 30),
    loginPerNetwork: intEnv(env, "KUAIJI_LOGIN_PER_NETWORK", 150),
    loginCaptchaAfterAddressFailures: intEnv(env, "KUAIJI_LOGIN_CAPTCHA_AFTER_IP_FAILURES", 3),
    loginCaptchaForAllPerMinute: intEnv(env, "KUAIJI_LOGIN_CAPTCHA_ALL_PER_MINUTE", 300),
    captchaPerAddress: intEnv(env, "KUAIJI_CAPTCHA_PER_IP", 120),
    smsPerDay: intEnv(env, "KUAIJI_SMS_PER_DAY", 50_000),
  };
}
