import "server-only";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { exchangeMember } from "./members";

// Which side of the national exchange this instance is, from the environment (issue 10: "one
// codebase; role and jurisdiction are configuration"). Read on use, never at import: `next
// build` imports every route, and the embedded default fills process.env before the first use.
//
//   KUAIJI_ROLE              hub | platform                 default platform (a provincial platform)
//   EXCHANGE_MEMBER_CODE     the platform's member code     default the jurisdiction code
//                            (lib/exchange/members.ts)      (KUAIJI_JURISDICTION_CODE)
//   EXCHANGE_HUB_URL         the hub's base URL, e.g. https://hub.example (no path: the signature
//                            covers the path the hub sees)
//   EXCHANGE_MEMBER_SECRET   the secret `npm run hub -- member add` printed; never logged
//   EXCHANGE_TIMEOUT_MS      per request, default 10000
//
// The hub needs none of the EXCHANGE_* variables: its members' secrets are in HubMember.

export type ExchangeRole = "hub" | "platform";

export class ExchangeConfigError extends Error {
  override name = "ExchangeConfigError";
}

type Env = Readonly<Record<string, string | undefined>>;

/** Secrets `member add` generates are 43 characters; anything much shorter is a mistake. */
export const MIN_SECRET_LENGTH = 32;
const DEFAULT_TIMEOUT_MS = 10_000;

export function exchangeRole(env: Env = process.env): ExchangeRole {
  const role = env.KUAIJI_ROLE?.trim() || "platform";
  if (role !== "hub" && role !== "platform") {
    throw new ExchangeConfigError(
      `环境变量 KUAIJI_ROLE 取值无效：“${role}”，应为 hub（全国平台）或 platform（省级平台，默认） / KUAIJI_ROLE must be hub or platform`,
    );
  }
  return role;
}

export function isHub(env: Env = process.env): boolean {
  return exchangeRole(env) === "hub";
}

export function exchangeTimeoutMs(env: Env = process.env): number {
  const raw = env.EXCHANGE_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 120_000) {
    throw new ExchangeConfigError(
      `环境变量 EXCHANGE_TIMEOUT_MS 取值无效：应为 100–120000 之间的毫秒数 / EXCHANGE_TIMEOUT_MS must be 100–120000 ms`,
    );
  }
  return ms;
}

/** This platform's code on the exchange (also when only the code is needed, e.g. in views). */
export function ownMemberCode(env: Env = process.env): string {
  const code = env.EXCHANGE_MEMBER_CODE?.trim() || getJurisdiction().code;
  if (!exchangeMember(code)) {
    throw new ExchangeConfigError(
      `成员代码 ${code} 不是全国平台的成员（检查 EXCHANGE_MEMBER_CODE 或 KUAIJI_JURISDICTION_CODE） / ${code} is not a member of the exchange`,
    );
  }
  return code;
}

/**
 * A base URL another party is reached at: http(s), no credentials, query or path (a path would
 * be signed by the sender but possibly stripped by a proxy before the receiver sees it).
 */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "不是有效的网址 / not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "只支持 http(s) / http(s) only";
  if (url.username || url.password || url.search || url.hash)
    return "不能包含用户名、查询参数或片段 / no credentials, query or fragment";
  if (url.pathname !== "/") return "只写协议、主机和端口，不带路径 / origin only, no path";
  return null;
}

export interface PlatformExchangeConfig {
  memberCode: string;
  hubUrl: string;
  /** Never log it. */
  secret: string;
  timeoutMs: number;
}

/** What a provincial platform needs to talk to the hub; throws a clear error when incomplete. */
export function platformExchangeConfig(env: Env = process.env): PlatformExchangeConfig {
  if (isHub(env)) {
    throw new ExchangeConfigError(
      "本实例是全国平台（KUAIJI_ROLE=hub），不作为省级平台与全国平台通信 / this instance is the hub, not a platform",
    );
  }
  const hubUrl = env.EXCHANGE_HUB_URL?.trim();
  if (!hubUrl) {
    throw new ExchangeConfigError(
      "环境变量 EXCHANGE_HUB_URL 未设置：全国平台的地址，例如 https://hub.example / EXCHANGE_HUB_URL is not set",
    );
  }
  const problem = baseUrlProblem(hubUrl);
  if (problem) {
    throw new ExchangeConfigError(
      `环境变量 EXCHANGE_HUB_URL 格式错误：${problem} / EXCHANGE_HUB_URL is malformed`,
    );
  }
  const secret = env.EXCHANGE_MEMBER_SECRET?.trim();
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new ExchangeConfigError(
      `环境变量 EXCHANGE_MEMBER_SECRET ${secret ? `过短（至少 ${MIN_SECRET_LENGTH} 个字符）` : "未设置"}：在全国平台运行 npm run hub -- member add <成员代码> <地址> 获取 / EXCHANGE_MEMBER_SECRET ${secret ? "is too short" : "is not set"}: ask the hub operator (npm run hub -- member add)`,
    );
  }
  return {
    memberCode: ownMemberCode(env),
    hubUrl: new URL(hubUrl).origin,
    secret,
    timeoutMs: exchangeTimeoutMs(env),
  };
}
