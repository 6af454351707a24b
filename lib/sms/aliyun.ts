/**
 * Aliyun SMS (dysmsapi, API version 2017-05-25, action SendSms), signed with ACS3-HMAC-SHA256
 * (see aliyun-signature.ts). The message text is not sent: Aliyun delivers its own approved
 * template for the purpose, filled with `templateParams` (our templates use `${code}`).
 *
 * Env:
 *   ALIYUN_SMS_ACCESS_KEY_ID       RAM user's AccessKey ID (grant it only dysmsapi:SendSms)
 *   ALIYUN_SMS_ACCESS_KEY_SECRET   its secret
 *   ALIYUN_SMS_SIGN_NAME           approved signature, e.g. 会计人员信息服务平台
 *   ALIYUN_SMS_TEMPLATE_REGISTER, ALIYUN_SMS_TEMPLATE_RESET_PASSWORD,
 *   ALIYUN_SMS_TEMPLATE_CHANGE_PHONE, ALIYUN_SMS_TEMPLATE_TRANSFER_IN,
 *   ALIYUN_SMS_TEMPLATE_TRANSFER_NOTICE (parameters `status` and `detail`),
 *   ALIYUN_SMS_TEMPLATE_ACCOUNT_NOTICE (parameter `detail`), ALIYUN_SMS_TEMPLATE_APPEAL
 *                                  approved template codes (SMS_xxxxxxxx), each with `${code}`
 *   ALIYUN_SMS_ENDPOINT            default https://dysmsapi.aliyuncs.com (tests point it at a local server)
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { acs3Date, canonicalQueryString, signAcs3 } from "./aliyun-signature";
import { SMS_PURPOSES, type SmsMessage, type SmsPurpose, type SmsSender } from "./types";

export const ALIYUN_SMS_DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com";
const API_VERSION = "2017-05-25";
const TIMEOUT_MS = 10_000;

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: Record<SmsPurpose, string>;
  /** Scheme and host only, e.g. https://dysmsapi.aliyuncs.com */
  endpoint: string;
}

export function templateEnvName(purpose: SmsPurpose): string {
  return `ALIYUN_SMS_TEMPLATE_${purpose.toUpperCase().replace(/-/g, "_")}`;
}

/** Lists every missing variable by name (never a value) so one restart fixes them all. */
export function aliyunSmsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AliyunSmsConfig {
  const names = [
    "ALIYUN_SMS_ACCESS_KEY_ID",
    "ALIYUN_SMS_ACCESS_KEY_SECRET",
    "ALIYUN_SMS_SIGN_NAME",
    ...SMS_PURPOSES.map(templateEnvName),
  ];
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0)
    throw new Error(`阿里云短信配置不完整，缺少环境变量：${missing.join("、")}`);
  const endpoint = env.ALIYUN_SMS_ENDPOINT || ALIYUN_SMS_DEFAULT_ENDPOINT;
  const url = new URL(endpoint);
  if (
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.pathname !== "/" ||
    url.search !== ""
  ) {
    throw new Error("ALIYUN_SMS_ENDPOINT 只能是协议加主机名，例如 https://dysmsapi.aliyuncs.com");
  }
  const templates = Object.fromEntries(
    SMS_PURPOSES.map((p) => [p, env[templateEnvName(p)] as string]),
  ) as Record<SmsPurpose, string>;
  return {
    accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID as string,
    accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET as string,
    signName: env.ALIYUN_SMS_SIGN_NAME as string,
    templates,
    endpoint: url.origin,
  };
}

/** The gateway refused the message. Carries Aliyun's Code and Message, never the phone number. */
export class AliyunSmsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`阿里云短信发送失败（${code}）：${message}`);
    this.name = "AliyunSmsError";
  }
}

export interface AliyunSmsDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
}

export class AliyunSmsSender implements SmsSender {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly nonce: () => string;

  constructor(
    private readonly config: AliyunSmsConfig,
    deps: AliyunSmsDeps = {},
  ) {
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.now = deps.now ?? (() => new Date());
    this.nonce = deps.nonce ?? (() => randomUUID());
  }

  async send(message: SmsMessage): Promise<void> {
    const code = message.templateParams?.code;
    if (!code) throw new Error("阿里云短信模板需要 templateParams.code");
    // SendSms declares its parameters "in: query", as Aliyun's own SDK sends them; the URL
    // travels inside TLS. The body stays empty and its hash is part of the signature.
    const query: Record<string, string> = {
      PhoneNumbers: message.to,
      SignName: this.config.signName,
      TemplateCode: this.config.templates[message.purpose],
      TemplateParam: JSON.stringify(message.templateParams),
    };
    const url = new URL(`/?${canonicalQueryString(query)}`, this.config.endpoint);
    const headers = signAcs3({
      method: "POST",
      canonicalUri: "/",
      query,
      headers: {
        // fetch sends exactly this Host (URL.host omits default ports, as HTTP clients do).
        host: url.host,
        "x-acs-action": "SendSms",
        "x-acs-version": API_VERSION,
        "x-acs-date": acs3Date(this.now()),
        "x-acs-signature-nonce": this.nonce(),
      },
      body: "",
      accessKeyId: this.config.accessKeyId,
      accessKeySecret: this.config.accessKeySecret,
    });
    // fetch derives Host from the URL (and refuses to have it set).
    const sendHeaders = Object.fromEntries(
      Object.entries(headers).filter(([name]) => name !== "host"),
    );
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: "POST",
        headers: { ...sendHeaders, accept: "application/json" },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new AliyunSmsError("NetworkError", error instanceof Error ? error.name : "请求失败");
    }
    const raw = await response.text();
    let body: { Code?: unknown; Message?: unknown } = {};
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      // A proxy or outage page: report the status only.
    }
    if (response.ok && body.Code === "OK") return;
    const errorCode = typeof body.Code === "string" ? body.Code : `HTTP${response.status}`;
    const errorMessage =
      typeof body.Message === "string"
        ? redactDigits(body.Message)
        : response.statusText || "未知错误";
    throw new AliyunSmsError(errorCode, errorMessage);
  }
}

/** Aliyun messages may quote the number or the code back; keep long digit runs out of logs. */
function redactDigits(text: string): string {
  return text.replace(/\d{6,}/g, "***").slice(0, 200);
}
