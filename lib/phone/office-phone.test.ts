import fullMetadata from "libphonenumber-js/metadata.max.json";
import { describe, expect, it } from "vitest";
import { cnMetadata } from "@/lib/phone/cn-metadata";
import cnFull from "@/lib/phone/metadata.cn-full.json";
import { officePhoneSchema, validateOfficePhone } from "@/lib/phone/office-phone";

describe("validateOfficePhone", () => {
  it("accepts a landline with its area code, however it is typed, in the form people dial", () => {
    for (const raw of [
      "020-83170000",
      "02083170000",
      "020 8317 0000",
      "(020)83170000",
      "+86 20 8317 0000",
      "0086 20 83170000",
      "０２０－８３１７００００",
    ]) {
      expect(validateOfficePhone(raw)).toEqual({ ok: true, normalized: "020-83170000" });
    }
    expect(validateOfficePhone("0769-22222222")).toEqual({ ok: true, normalized: "0769-22222222" });
    expect(validateOfficePhone("07518888888")).toEqual({ ok: true, normalized: "0751-8888888" });
  });

  it("accepts mobiles, 400/800 numbers and the 12xxx service lines", () => {
    expect(validateOfficePhone("138 0013 8000")).toEqual({ ok: true, normalized: "13800138000" });
    expect(validateOfficePhone("4008208820")).toEqual({ ok: true, normalized: "400-820-8820" });
    expect(validateOfficePhone("800-830-8300")).toEqual({ ok: true, normalized: "800-830-8300" });
    expect(validateOfficePhone("12345")).toEqual({ ok: true, normalized: "12345" });
  });

  it("refuses what cannot be dialled, saying what is wrong", () => {
    const invalid = "联系电话无效，固定电话请带区号，如：020-83170000";
    expect(validateOfficePhone(" ")).toEqual({ ok: false, message: "请填写联系电话" });
    expect(validateOfficePhone("020-8317000a")).toEqual({
      ok: false,
      message: "联系电话只能包含数字和“-”",
    });
    for (const raw of ["83170000", "020-1234", "1381234567", "+852 2123 4567", "99999"]) {
      expect(validateOfficePhone(raw), raw).toEqual({ ok: false, message: invalid });
    }
  });

  it("is the form's field: the dialled form out, the message at the field", () => {
    expect(officePhoneSchema.parse("02083170000")).toBe("020-83170000");
    const r = officePhoneSchema.safeParse("123");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/联系电话无效/);
  });

  it("reads the installed libphonenumber-js's plan (else: node --import tsx scripts/phone/cn-metadata.ts)", () => {
    expect(cnFull).toEqual(cnMetadata(fullMetadata));
  });
});
