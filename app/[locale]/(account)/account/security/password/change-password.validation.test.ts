import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { checkPassword } from "@/lib/account/password-policy";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import { changePasswordSchema } from "./change-password.validation";

const toEnglish = sourceTextTranslator(messagesFor("zh-CN").Lib, messagesFor("en").Lib);
const HAN_OUTSIDE_BRACKETS = /\p{Script=Han}(?![^（(]*[)）])/u;

function messages(values: unknown): string[] {
  const r = safeParse(changePasswordSchema, values);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("修改密码 in English", () => {
  it("has English for every field error", () => {
    const found = [
      ...messages({}),
      ...messages({ currentPassword: "", newPassword: "", confirmPassword: "" }),
      ...messages({ currentPassword: "x".repeat(129), newPassword: "abc", confirmPassword: "x" }),
    ];
    expect(found).toContain("请输入当前密码");
    for (const m of found) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
  });

  it("has English for the server's refusals", () => {
    const refusals = [
      "密码不正确，还可尝试 4 次",
      "新密码不能与当前密码相同",
      "该密码过于常见，容易被他人猜中，请换一个",
      ...checkPassword("x", { idNumber: "31002X", phone: "13800138000" }).map((r) => r.label),
    ];
    for (const m of refusals) expect(toEnglish(m), m).not.toMatch(HAN_OUTSIDE_BRACKETS);
    expect(toEnglish("密码不正确，还可尝试 4 次")).toBe("Wrong password; 4 tries left");
  });
});
