import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { registrationSchema } from "@/app/[locale]/(auth)/register/register.validation";
import { loginSchema } from "@/app/[locale]/(auth)/login/login.validation";
import { resetPasswordSchema } from "@/app/[locale]/(auth)/forgot-password/forgot-password.validation";
import { checkPassword } from "@/lib/account/password-policy";
import { lockedMessage } from "@/lib/account/lockout-rules";
import { clientLimitMessage } from "@/lib/account/client-throttle";
import { DOCUMENT_TYPES } from "@/lib/identity/document-types";
import { SESSION_ENDED } from "@/lib/auth/session-ended";
import { messagesFor } from "./messages";
import { sourceTextTranslator } from "./source-text";
import { treeToTraditional } from "./traditional";

const zhCN = messagesFor("zh-CN");
const en = messagesFor("en");
const toEnglish = sourceTextTranslator(zhCN.Lib, en.Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

/** Every message a schema reports for these values. */
function messages(schema: Parameters<typeof safeParse>[0], values: unknown): string[] {
  const r = safeParse(schema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("the domain's Chinese, in the reader's language", () => {
  it("translates a listed text, with its values, and leaves others as they are", () => {
    expect(toEnglish("请输入证件号码")).toBe("Enter your ID number");
    expect(toEnglish("证件号码应为18位（当前为16位）")).toBe(
      "The ID number has 18 characters (16 now)",
    );
    expect(toEnglish("姓名不能包含符号“@”")).toBe("A name cannot contain the symbol “@”");
    expect(toEnglish("一句没有登记的话")).toBe("一句没有登记的话");
    expect(sourceTextTranslator(zhCN.Lib, zhCN.Lib)("请输入证件号码")).toBe("请输入证件号码");
  });

  it("has English for the session's end, shown by every form behind login", () => {
    expect(toEnglish(SESSION_ENDED)).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it("says in 繁體 what the source says", () => {
    const toHant = sourceTextTranslator(zhCN.Lib, treeToTraditional(zhCN.Lib));
    expect(toHant("两次输入的密码不一致")).toBe("兩次輸入的密碼不一致");
  });

  it.each([
    ["nothing typed", {}],
    [
      "bad values",
      {
        name: "张3",
        idType: "RESIDENT_ID",
        idNumber: "1101011990010112",
        phone: "2345",
        smsCode: "12",
        password: "short",
        confirmPassword: "other",
      },
    ],
    [
      "a wrong check digit and a weak password",
      {
        name: "Li",
        idType: "RESIDENT_ID",
        idNumber: "110101199001011230",
        phone: "13800138000",
        smsCode: "123456",
        password: "13800138000abc",
        confirmPassword: "13800138000abc",
      },
    ],
  ])("has English for every field error of 用户注册 (%s)", (_what, values) => {
    const found = messages(registrationSchema, values);
    // the schema's own Chinese messages, not zod's defaults
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(m).toMatch(/\p{Script=Han}/u);
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it("has English for the field errors of 登录 and 找回密码", () => {
    const found = [
      ...messages(loginSchema, { idNumber: "", password: "" }),
      ...messages(resetPasswordSchema, {}),
      ...messages(resetPasswordSchema, {
        idNumber: "x",
        phone: "1",
        password: "a",
        confirmPassword: "",
      }),
    ];
    expect(found.length).toBeGreaterThan(4);
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it("has English for the login's refusals, the password rules and the document types", () => {
    const texts = [
      "证件号码或密码错误，还可尝试 4 次",
      lockedMessage(new Date("2026-12-04T06:35:00Z")),
      clientLimitMessage(10 * 60_000),
      ...checkPassword("x", { idNumber: "110101199001011237", phone: "13800138000" }).map(
        (r) => r.label,
      ),
      ...Object.values(DOCUMENT_TYPES).flatMap((t) => [t.label, t.numberHint]),
    ];
    for (const m of texts) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
    expect(toEnglish(lockedMessage(new Date("2026-12-04T06:35:00Z")))).toContain("until 14:35");
  });
});
