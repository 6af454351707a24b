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
  };
}
