import { describe, expect, it } from "vitest";
import { needsCollection } from "./eligibility";
import { registrationSchema } from "./register.validation";

function errors(input: Record<string, string>) {
  const r = registrationSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[String(i.path[0])] ??= i.message;
  return out;
}

const valid = {
  name: "张三",
  idType: "RESIDENT_ID",
  idNumber: "11010519491231002X",
  phone: "13800138000",
  smsCode: "123456",
  password: "Good-Pass-1",
  confirmPassword: "Good-Pass-1",
};

describe("registrationSchema", () => {
  it("accepts a complete, valid registration", () => {
    expect(registrationSchema.safeParse(valid).success).toBe(true);
  });
  it("reports every field at once, including the cross-field rules", () => {
    const e = errors({
      ...valid,
      idNumber: "110105194912310021",
      phone: "12345",
      password: "abc",
      confirmPassword: "x",
    });
    expect(Object.keys(e).sort()).toEqual(["confirmPassword", "idNumber", "password", "phone"]);
    expect(e.idNumber).toContain("校验");
  });
  it("refuses a password containing the ID number's last six characters", () => {
    expect(
      errors({ ...valid, password: "Aa-31002X", confirmPassword: "Aa-31002X" }).password,
    ).toBeTruthy();
  });
  it("survives junk from a forged request without throwing", () => {
    expect(() =>
      registrationSchema.safeParse({ idType: "NOPE", idNumber: 5, password: null }),
    ).not.toThrow();
  });
});

describe("信息采集对象", () => {
  it("needs collection if either answer is yes, not if both are no", () => {
    expect(needsCollection({ worksInJurisdiction: "yes", holdsQualification: "no" })).toBe(true);
    expect(needsCollection({ worksInJurisdiction: "no", holdsQualification: "yes" })).toBe(true);
    expect(needsCollection({ worksInJurisdiction: "no", holdsQualification: "no" })).toBe(false);
  });
});
