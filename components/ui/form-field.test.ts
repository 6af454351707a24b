import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FormField, fieldAria } from "./form-field";
import { Input } from "./input";

describe("fieldAria", () => {
  it("marks invalid controls and points at the error", () => {
    expect(fieldAria("phone", "请输入手机号码")).toEqual({
      id: "phone",
      "aria-invalid": true,
      "aria-describedby": "phone-error",
    });
    expect(fieldAria("phone", undefined)).toEqual({ id: "phone" });
    expect(fieldAria("phone", "")).toEqual({ id: "phone" });
    expect(fieldAria("phone", null, { hint: true, required: true })).toEqual({
      id: "phone",
      "aria-describedby": "phone-hint",
      "aria-required": true,
    });
    expect(fieldAria("gender", "请选择", { group: true, hint: true })).toEqual({
      id: "gender",
      "aria-invalid": true,
      "aria-describedby": "gender-error gender-hint",
      "aria-labelledby": "gender-label",
    });
  });
});

describe("FormField", () => {
  it("renders label, control, hint and error wired together", () => {
    const html = renderToStaticMarkup(
      h(FormField, {
        id: "phone",
        label: "手机号码",
        required: true,
        hint: "用于接收短信验证码",
        error: "手机号码格式不正确",
        children: h(Input, fieldAria("phone", "手机号码格式不正确")),
      }),
    );
    expect(html).toContain('for="phone"');
    expect(html).toContain('id="phone-label"');
    expect(html).toContain('aria-hidden="true" class="text-destructive">*</span>');
    expect(html).toMatch(
      /<input[^>]*aria-invalid="true"[^>]*aria-describedby="phone-error phone-hint"/,
    );
    expect(html).toMatch(/<p id="phone-hint"[^>]*>用于接收短信验证码<\/p>/);
    expect(html).toMatch(
      /<p id="phone-error" class="[^"]*text-destructive[^"]*">.*手机号码格式不正确/,
    );
  });

  it("renders no error element without an error", () => {
    const html = renderToStaticMarkup(
      h(FormField, { id: "name", label: "姓名", children: h(Input, fieldAria("name", undefined)) }),
    );
    expect(html).not.toContain("name-error");
    expect(html).not.toContain(`aria-invalid="`);
  });
});
