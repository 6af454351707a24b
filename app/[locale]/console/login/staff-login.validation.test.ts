import { describe, expect, it } from "vitest";
import { staffLoginSchema } from "./staff-login.validation";

describe("staffLoginSchema", () => {
  it("asks for both fields in Chinese", () => {
    const r = staffLoginSchema.safeParse({ username: " ", password: "" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["请输入登录名", "请输入密码"]);
  });
});
