import "server-only";

// The deployment's settings for 核验码 and the PDFs that carry them (README, Configuration).

type Env = Record<string, string | undefined>;

export interface VerificationConfig {
  /** 档案核验 lookups one client (lib/account/client-network.ts) may make in 15 minutes. */
  lookupsPerClient: number;
  /** Unknown codes one client may try in 15 minutes before each lookup needs the captcha. */
  missesBeforeCaptcha: number;
  /** PDFs (each with a new code) one person may download in an hour. */
  pdfsPerPersonHour: number;
  /** The platform's public address, which the QR code and the printed link point to. */
  publicBaseUrl: string;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} 必须是正整数（当前值：${raw}）`);
  return n;
}

/** NEXTAUTH_URL is the public address the sign-in already relies on; npm start sets it locally. */
function baseUrl(env: Env): string {
  const raw = env.NEXTAUTH_URL || `http://localhost:${env.PORT || "3000"}`;
  return new URL(raw).origin;
}

export function verificationConfig(env: Env = process.env): VerificationConfig {
  return {
    lookupsPerClient: positiveInt(env, "KUAIJI_VERIFY_PER_IP", 20),
    missesBeforeCaptcha: positiveInt(env, "KUAIJI_VERIFY_CAPTCHA_AFTER_MISSES", 3),
    pdfsPerPersonHour: positiveInt(env, "KUAIJI_PDF_PER_PERSON_HOUR", 20),
    publicBaseUrl: baseUrl(env),
  };
}

/**
 * Where a code is checked. The code rides in the fragment (#…), which browsers never send to a
 * server: it stays out of access logs, proxies and Referer headers; the page reads it itself.
 */
export function verifyUrl(groupedCode: string, env: Env = process.env): string {
  return `${verificationConfig(env).publicBaseUrl}/verify#${groupedCode}`;
}
