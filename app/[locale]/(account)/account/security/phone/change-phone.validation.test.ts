import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { changePhoneSchema, sendChangePhoneCodeSchema } from "./change-phone.validation";

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

function messages(schema: Parameters<typeof safeParse>[0], values: unknown): string[] {
  const r = safeParse(schema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("更换手机号 in English", () => {
  it("has English for every field error and the server's refusals", () => {
    const found = [
      ...messages(changePhoneSchema, {}),
      ...messages(changePhoneSchema, { password: "", newPhone: "2345", smsCode: "12" }),
      ...messages(sendChangePhoneCodeSchema, { newPhone: "", captchaId: "", captchaAnswer: "" }),
      "新手机号码与当前手机号码相同",
      "账号的手机号码刚刚已变更，请刷新页面后重试",
    ];
    expect(found).toContain("请输入登录密码");
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });
});
