import { describe, expect, it } from "vitest";
import { AliyunSmsSender } from "./aliyun";
import { OutboxSmsSender } from "./outbox";
import { createSmsSender, devOutboxPageEnabled, smsDriver } from "./sender";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
const aliyunEnv = {
  SMS_DRIVER: "aliyun",
  ALIYUN_SMS_ACCESS_KEY_ID: "id",
  ALIYUN_SMS_ACCESS_KEY_SECRET: "secret",
  ALIYUN_SMS_SIGN_NAME: "会计人员信息服务平台",
  ALIYUN_SMS_TEMPLATE_REGISTER: "SMS_1",
  ALIYUN_SMS_TEMPLATE_RESET_PASSWORD: "SMS_2",
  ALIYUN_SMS_TEMPLATE_CHANGE_PHONE: "SMS_3",
  ALIYUN_SMS_TEMPLATE_TRANSFER_IN: "SMS_4",
  ALIYUN_SMS_TEMPLATE_TRANSFER_NOTICE: "SMS_5",
  ALIYUN_SMS_TEMPLATE_ACCOUNT_NOTICE: "SMS_6",
  ALIYUN_SMS_TEMPLATE_APPEAL: "SMS_7",
};

describe("getSmsSender driver choice", () => {
  it("defaults to the outbox", () => {
    expect(smsDriver(env({}))).toBe("outbox");
    expect(createSmsSender(env({}))).toBeInstanceOf(OutboxSmsSender);
    expect(createSmsSender(env({ SMS_DRIVER: "outbox" }))).toBeInstanceOf(OutboxSmsSender);
  });

  it("builds the Aliyun sender from complete configuration", () => {
    expect(createSmsSender(env(aliyunEnv))).toBeInstanceOf(AliyunSmsSender);
  });

  it("names every missing Aliyun variable, without values", () => {
    const partial: Record<string, string> = { ...aliyunEnv };
    delete partial.ALIYUN_SMS_TEMPLATE_TRANSFER_IN;
    delete partial.ALIYUN_SMS_ACCESS_KEY_SECRET;
    expect(() => createSmsSender(env(partial))).toThrow(
      "缺少环境变量：ALIYUN_SMS_ACCESS_KEY_SECRET、ALIYUN_SMS_TEMPLATE_TRANSFER_IN",
    );
  });

  it("rejects an endpoint with a path", () => {
    expect(() =>
      createSmsSender(env({ ...aliyunEnv, ALIYUN_SMS_ENDPOINT: "https://example.com/api" })),
    ).toThrow("ALIYUN_SMS_ENDPOINT");
  });

  it("throws clearly on an unknown driver", () => {
    expect(() => createSmsSender(env({ SMS_DRIVER: "twilio" }))).toThrow(
      "未知的短信驱动 SMS_DRIVER=twilio（可选：outbox、aliyun）",
    );
  });
});

describe("devOutboxPageEnabled", () => {
  it("is on in development with the outbox and off with a real gateway", () => {
    expect(devOutboxPageEnabled(env({ NODE_ENV: "development" }))).toBe(true);
    expect(devOutboxPageEnabled(env({ NODE_ENV: "development", ...aliyunEnv }))).toBe(false);
  });

  it("needs SMS_OUTBOX_PAGE=1 in a production build", () => {
    expect(devOutboxPageEnabled(env({ NODE_ENV: "production" }))).toBe(false);
    expect(devOutboxPageEnabled(env({ NODE_ENV: "production", SMS_OUTBOX_PAGE: "1" }))).toBe(true);
    expect(
      devOutboxPageEnabled(env({ NODE_ENV: "production", SMS_OUTBOX_PAGE: "1", ...aliyunEnv })),
    ).toBe(false);
  });
});
