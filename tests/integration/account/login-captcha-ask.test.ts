import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate, captchaNeededFor } from "@/lib/account/login-service";
import { authenticateStaff, staffCaptchaNeededFor } from "@/lib/staff/staff-login-service";
import { freshClient, randomResidentId } from "../../support/accounts";
import { createPerson } from "../../support/person";

// The login form asks, as the 证件号码 (登录名) is left, whether 登录 will want the graphic captcha
// (issue 13, 5): the captcha is there before the first submit instead of refusing it. The answer
// must tell no more than a login without a captcha tells — nothing about whether an account
// exists — and each address has a budget for asking, like the captcha pictures.

afterEach(() => {
  delete process.env.KUAIJI_CAPTCHA_PER_IP;
  delete process.env.KUAIJI_CONSOLE_ALLOW_CIDRS;
});

describe("登录: will the captcha be asked for?", () => {
  it("not for a number without failures; yes once it failed — registered or not alike", async () => {
    const ctx = freshClient();
    const p = await createPerson(db);
    const unknown = randomResidentId();
    expect(await captchaNeededFor(db, ctx, p.idNumber)).toBe(false);
    expect(await captchaNeededFor(db, ctx, unknown)).toBe(false);

    for (const idNumber of [p.idNumber, unknown]) {
      const r = await authenticate(db, ctx, { idNumber, password: "Wrong-pass1" });
      expect(r).toMatchObject({ ok: false, code: "invalid" });
    }
    // asked from another address, typed in another case: the same answer the login gives
    const other = freshClient();
    expect(await captchaNeededFor(db, other, p.idNumber.toLowerCase())).toBe(true);
    expect(await captchaNeededFor(db, other, unknown)).toBe(true);
    for (const idNumber of [p.idNumber, unknown]) {
      expect(await authenticate(db, other, { idNumber, password: p.password })).toMatchObject({
        ok: false,
        code: "captcha",
        message: "请输入图形验证码",
      });
    }
  });

  it("each address has a budget; past it the answer is yes, whatever the number", async () => {
    process.env.KUAIJI_CAPTCHA_PER_IP = "5";
    const ctx = freshClient();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => captchaNeededFor(db, ctx, randomResidentId())),
    );
    expect(answers.filter((a) => !a)).toHaveLength(5);
    // another address still gets the real answer
    expect(await captchaNeededFor(db, freshClient(), randomResidentId())).toBe(false);
  });
});

describe("财政部门登录: will the captcha be asked for?", () => {
  it("yes once the 登录名 failed, whether or not an account has it", async () => {
    const ctx = freshClient();
    const name = `nobody-${Date.now()}`;
    expect(await staffCaptchaNeededFor(db, ctx, name)).toBe(false);
    expect(
      await authenticateStaff(db, ctx, { username: name, password: "Wrong-pass1" }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await staffCaptchaNeededFor(db, freshClient(), name.toUpperCase())).toBe(true);
  });

  it("outside the console's networks nothing is looked at", async () => {
    const ctx = freshClient();
    const name = `nobody-${Date.now()}`;
    await authenticateStaff(db, ctx, { username: name, password: "Wrong-pass1" });
    process.env.KUAIJI_CONSOLE_ALLOW_CIDRS = "10.255.0.0/16";
    expect(await staffCaptchaNeededFor(db, ctx, name)).toBe(false);
  });
});
