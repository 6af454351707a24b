import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AliyunSmsError,
  AliyunSmsSender,
  aliyunSmsConfigFromEnv,
  type AliyunSmsConfig,
} from "./aliyun";
import {
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  canonicalQueryString,
  sha256Hex,
} from "./aliyun-signature";

const SECRET = "local-test-secret";

interface Received {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * A stand-in for dysmsapi that checks what the real gateway checks: the ACS3 signature over
 * the request as it arrived (query, Host and x-acs-* headers, body hash), the clock skew and
 * the required headers. It answers like Aliyun, JSON with Code/Message.
 */
function verify(req: Received): { status: number; body: Record<string, string> } {
  const auth =
    /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization),
    );
  if (!auth)
    return { status: 400, body: { Code: "MissingAuthorization", Message: "bad Authorization" } };
  const [, keyId, signedHeaderList = "", signature] = auth;
  const signed = signedHeaderList.split(";");
  for (const required of [
    "host",
    "x-acs-action",
    "x-acs-version",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-content-sha256",
  ]) {
    if (!signed.includes(required))
      return { status: 400, body: { Code: "MissingHeader", Message: required } };
  }
  if (req.headers["x-acs-content-sha256"] !== sha256Hex(req.body))
    return { status: 400, body: { Code: "ContentSha256Mismatch", Message: "" } };
  const skew = Math.abs(Date.parse(String(req.headers["x-acs-date"])) - Date.now());
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(String(req.headers["x-acs-date"])) ||
    skew > 15 * 60_000
  ) {
    return { status: 400, body: { Code: "InvalidTimeStamp.Expired", Message: "time" } };
  }
  const headers = Object.fromEntries(signed.map((name) => [name, String(req.headers[name] ?? "")]));
  const { canonicalRequest } = acs3CanonicalRequest({
    method: req.method,
    canonicalUri: req.path,
    query: req.params,
    headers,
    hashedPayload: sha256Hex(req.body),
  });
  const expected = acs3Signature(acs3StringToSign(canonicalRequest), SECRET);
  if (keyId !== "test-key-id" || signature !== expected) {
    return {
      status: 400,
      body: {
        Code: "IncompleteSignature",
        Message: "The request signature does not conform to Aliyun standards.",
      },
    };
  }
  return {
    status: 200,
    body: {
      Code: "OK",
      Message: "OK",
      BizId: "900619746936498440^0",
      RequestId: "F655A8D5-B967-440B-8683-DAD6FF8DE990",
    },
  };
}

let server: Server;
let endpoint: string;
let received: Received[] = [];
let respond: (req: Received) => { status: number; body: Record<string, string> | string } = verify;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://placeholder");
      const rawQuery = url.search.slice(1);
      const params = Object.fromEntries(url.searchParams);
      const r: Received = {
        method: req.method ?? "",
        path: url.pathname,
        params,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(r);
      // The wire query must already be canonical, or Aliyun would sign something else.
      const out =
        rawQuery === canonicalQueryString(params)
          ? respond(r)
          : { status: 400, body: { Code: "QueryNotCanonical", Message: "" } };
      res.writeHead(out.status, {
        "content-type": typeof out.body === "string" ? "text/html" : "application/json",
      });
      res.end(typeof out.body === "string" ? out.body : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  respond = verify;
});

function config(): AliyunSmsConfig {
  return aliyunSmsConfigFromEnv({
    ALIYUN_SMS_ACCESS_KEY_ID: "test-key-id",
    ALIYUN_SMS_ACCESS_KEY_SECRET: SECRET,
    ALIYUN_SMS_SIGN_NAME: "会计人员信息服务平台",
    ALIYUN_SMS_TEMPLATE_REGISTER: "SMS_100000001",
    ALIYUN_SMS_TEMPLATE_RESET_PASSWORD: "SMS_100000002",
    ALIYUN_SMS_TEMPLATE_CHANGE_PHONE: "SMS_100000003",
    ALIYUN_SMS_TEMPLATE_TRANSFER_IN: "SMS_100000004",
    ALIYUN_SMS_TEMPLATE_TRANSFER_NOTICE: "SMS_100000005",
    ALIYUN_SMS_TEMPLATE_ACCOUNT_NOTICE: "SMS_100000006",
    ALIYUN_SMS_TEMPLATE_APPEAL: "SMS_100000007",
    ALIYUN_SMS_ENDPOINT: endpoint,
  } as Record<string, string> as NodeJS.ProcessEnv);
}

const message = {
  to: "13800138000",
  purpose: "reset-password" as const,
  text: "【会计人员信息服务平台】您正在进行找回密码，验证码为654321，5分钟内有效。请勿泄露给他人。",
  templateParams: { code: "654321" },
};

describe("AliyunSmsSender", () => {
  it("sends a well-formed, correctly signed SendSms request", async () => {
    await new AliyunSmsSender(config()).send(message);
    expect(received).toHaveLength(1);
    const req = received[0] as Received;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/");
    expect(req.body).toBe("");
    expect(req.headers["x-acs-action"]).toBe("SendSms");
    expect(req.headers["x-acs-version"]).toBe("2017-05-25");
    expect(req.headers.accept).toBe("application/json");
    expect(req.params).toEqual({
      PhoneNumbers: "13800138000",
      SignName: "会计人员信息服务平台",
      TemplateCode: "SMS_100000002",
      TemplateParam: '{"code":"654321"}',
    });
  });

  it("uses a fresh nonce per request", async () => {
    const sender = new AliyunSmsSender(config());
    await sender.send(message);
    await sender.send({ ...message, purpose: "register" });
    expect(received[0]?.headers["x-acs-signature-nonce"]).not.toBe(
      received[1]?.headers["x-acs-signature-nonce"],
    );
    expect(received[1]?.params.TemplateCode).toBe("SMS_100000001");
  });

  it("is rejected by the gateway when signed with the wrong secret", async () => {
    const sender = new AliyunSmsSender({ ...config(), accessKeySecret: "wrong" });
    await expect(sender.send(message)).rejects.toThrow("IncompleteSignature");
  });

  it("is rejected for a stale clock", async () => {
    const sender = new AliyunSmsSender(config(), { now: () => new Date(Date.now() - 60 * 60_000) });
    await expect(sender.send(message)).rejects.toThrow("InvalidTimeStamp.Expired");
  });

  it("treats a non-OK Code in a 200 answer as an error, without the phone number or code", async () => {
    respond = () => ({
      status: 200,
      body: {
        Code: "isv.BUSINESS_LIMIT_CONTROL",
        Message: "触发号码天级流控Permits:10 13800138000 654321",
      },
    });
    const error = await new AliyunSmsSender(config()).send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AliyunSmsError);
    expect((error as AliyunSmsError).code).toBe("isv.BUSINESS_LIMIT_CONTROL");
    expect((error as Error).message).toContain("触发号码天级流控");
    expect((error as Error).message).not.toContain("13800138000");
    expect((error as Error).message).not.toContain("654321");
  });

  it("reports an HTML error page by status", async () => {
    respond = () => ({ status: 502, body: "<html>13800138000 Bad Gateway</html>" });
    const error = (await new AliyunSmsSender(config())
      .send(message)
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("HTTP502");
    expect(error.message).not.toContain("13800138000");
  });

  it("reports an unreachable gateway without personal data", async () => {
    const sender = new AliyunSmsSender({ ...config(), endpoint: "http://127.0.0.1:1" });
    const error = (await sender.send(message).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(AliyunSmsError);
    expect(error.message).not.toContain("13800138000");
  });

  it("needs the code template parameter", async () => {
    await expect(
      new AliyunSmsSender(config()).send({ ...message, templateParams: undefined }),
    ).rejects.toThrow("templateParams.code");
    expect(received).toHaveLength(0);
  });

  it("encodes characters that need it in the signed query", async () => {
    await new AliyunSmsSender({ ...config(), signName: "会计 平台(测试)*!'" }).send(message);
    expect(received[0]?.params.SignName).toBe("会计 平台(测试)*!'");
  });
});
