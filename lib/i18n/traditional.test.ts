import { describe, expect, it } from "vitest";
import { toTraditional, treeToTraditional } from "./traditional";

describe("繁體中文 from the 简体 source", () => {
  it("converts characters to the forms HK, MO and TW readers print", () => {
    expect(toTraditional("为了继续教育，请注册账户")).toBe("為了繼續教育，請註冊賬戶");
    expect(toTraditional("里面")).toBe("裡面");
  });

  it("keeps the national terms: characters change, words do not", () => {
    // "twp" would write 資訊 for 信息, 身分證 for 身份证 and 登入 for 登录
    expect(toTraditional("会计人员信息采集")).toBe("會計人員信息採集");
    expect(toTraditional("居民身份证")).toBe("居民身份證");
    expect(toTraditional("登录")).toBe("登錄");
    expect(toTraditional("港澳居民来往内地通行证")).toBe("港澳居民來往內地通行證");
    expect(toTraditional("软件")).toBe("軟件");
  });

  it("converts a message tree and leaves its placeholders and keys alone", () => {
    expect(
      treeToTraditional({ a: { b: "验证码为{code}，{minutes}分钟内有效" }, list: ["简体"], n: 1 }),
    ).toEqual({ a: { b: "驗證碼為{code}，{minutes}分鐘內有效" }, list: ["簡體"], n: 1 });
  });
});
