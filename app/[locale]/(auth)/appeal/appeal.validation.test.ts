import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { appealStatusSchema, startAppealSchema } from "./appeal.validation";

describe("账号申诉 forms", () => {
  it("第一步 checks the number for its document type, as 注册 does", () => {
    const base = { name: "王真", idType: "RESIDENT_ID", phone: "13800138000", smsCode: "123456" };
    const wrong = z.safeParse(startAppealSchema, { ...base, idNumber: "110105194912310021" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.some((i) => i.path[0] === "idNumber")).toBe(true);
    const right = z.safeParse(startAppealSchema, { ...base, idNumber: "11010519491231002X" });
    expect(right.success).toBe(true);
  });

  it("申诉进度查询 takes the number as typed and refuses anything else", () => {
    const ok = z.safeParse(appealStatusSchema, {
      appealNumber: " ss20261204012345 ",
      phone: "138 0013 8000",
      smsCode: "123456",
    });
    expect(ok.data).toEqual({
      appealNumber: "SS20261204012345",
      phone: "13800138000",
      smsCode: "123456",
    });
    const bad = z.safeParse(appealStatusSchema, {
      appealNumber: "20261204",
      phone: "13800138000",
      smsCode: "123456",
    });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ["appealNumber"],
      message: "申诉编号为SS加14位数字",
    });
  });
});
