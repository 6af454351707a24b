import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORM_ERROR_KEY, fieldErrorsFromIssues, refusalResult } from "./action-result";

describe("fieldErrorsFromIssues", () => {
  const schema = z
    .object({
      name: z.string().min(1, "请填写姓名"),
      entries: z.array(z.object({ year: z.number({ error: () => "请填写年份" }) })),
    })
    .refine((v) => v.name !== "x", "整张表不对");

  it("keys the first message of each field by its dotted path, the whole form's by _form", () => {
    const r = schema.safeParse({ name: "", entries: [{ year: 2020 }, {}] });
    expect(fieldErrorsFromIssues(r.error!.issues)).toEqual({
      name: "请填写姓名",
      "entries.1.year": "请填写年份",
    });
    const whole = schema.safeParse({ name: "x", entries: [] });
    expect(fieldErrorsFromIssues(whole.error!.issues)).toEqual({ [FORM_ERROR_KEY]: "整张表不对" });
    expect(FORM_ERROR_KEY).toBe("_form");
  });

  it("keeps the first of several messages and puts a prefix in front", () => {
    const issues = [
      { path: ["year"], message: "第一条" },
      { path: ["year"], message: "第二条" },
      { path: [], message: "整步" },
    ];
    expect(fieldErrorsFromIssues(issues, ["professional", 0])).toEqual({
      "professional.0.year": "第一条",
      "professional.0": "整步",
    });
  });
});

describe("refusalResult", () => {
  it("puts field errors at the fields, the message above the form and the reason in code", () => {
    expect(
      refusalResult({ reason: "invalid", message: "请修改", fieldErrors: { school: "请填写" } }),
    ).toEqual({
      ok: false,
      fieldErrors: { school: "请填写" },
      formError: "请修改",
      code: "invalid",
    });
  });

  it("says nothing above the form when the fields say everything, and hands on a detail", () => {
    expect(
      refusalResult(
        { reason: "id-registered", message: "", fieldErrors: { idNumber: "该证件号码已注册" } },
        { version: 3 },
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { idNumber: "该证件号码已注册" },
      code: "id-registered",
      detail: { version: 3 },
    });
    expect(refusalResult({ reason: "locked", message: "已锁定" })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "已锁定",
      code: "locked",
    });
  });
});
