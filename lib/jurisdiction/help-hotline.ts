import { getJurisdiction } from "./config";

// The 咨询电话 every page's footer and the 帮助 page show, as jurisdiction configuration read
// from the environment like config.ts. By default the government service line 12345
// (政务服务便民热线), which every province runs around the clock and which passes questions on
// to the finance department: a deployment with a desk of its own sets its number.
//
//   KUAIJI_HELP_HOTLINE       the number as dialled: 12345, 020-83170000, 400-…  default 12345
//   KUAIJI_HELP_HOTLINE_NAME  what it is called     default <辖区>政务服务便民热线 (12345) / 平台咨询电话
//   KUAIJI_HELP_HOURS         when it answers       default 7×24小时 (12345) / 工作日 9:00—12:00，14:00—17:30
//
// Unset or empty variables take the default; each one overrides only itself.

export interface HelpHotline {
  /** As shown, e.g. "12345" or "020-83170000". */
  number: string;
  /** e.g. "广东省政务服务便民热线". */
  name: string;
  /** e.g. "7×24小时". */
  hours: string;
  /** What a tel: link dials: the digits. */
  dial: string;
}

export const GOVERNMENT_SERVICE_LINE = "12345";
const OFFICE_HOURS = "工作日 9:00—12:00，14:00—17:30";

type Env = Record<string, string | undefined>;

/** Builds the hotline from an environment and the jurisdiction's name. Throws on bad config. */
export function hotlineFromEnv(env: Env, jurisdictionName: string): HelpHotline {
  const number = env.KUAIJI_HELP_HOTLINE?.trim() || GOVERNMENT_SERVICE_LINE;
  const dial = number.replace(/[\s()-]/g, "");
  if (!/^\+?\d{3,20}$/.test(dial)) {
    throw new Error(`KUAIJI_HELP_HOTLINE 应为电话号码，如 12345 或 020-83170000：${number}`);
  }
  const serviceLine = dial === GOVERNMENT_SERVICE_LINE;
  return {
    number,
    name:
      env.KUAIJI_HELP_HOTLINE_NAME?.trim() ||
      (serviceLine ? `${jurisdictionName}政务服务便民热线` : "平台咨询电话"),
    hours: env.KUAIJI_HELP_HOURS?.trim() || (serviceLine ? "7×24小时" : OFFICE_HOURS),
    dial,
  };
}

let cached: { key: string; value: HelpHotline } | undefined;

/** The deployment's hotline, from process.env (re-read when the variables change). */
export function getHelpHotline(): HelpHotline {
  const env = process.env;
  const name = getJurisdiction().name;
  const key = [env.KUAIJI_HELP_HOTLINE, env.KUAIJI_HELP_HOTLINE_NAME, env.KUAIJI_HELP_HOURS, name]
    .map((v) => (v === undefined ? "\u0000" : v))
    .join("\u0001");
  if (cached?.key !== key) cached = { key, value: hotlineFromEnv(env, name) };
  return cached.value;
}
