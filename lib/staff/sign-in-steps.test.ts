import { describe, expect, it } from "vitest";
import { nextSignInStep, signInStepPath } from "./sign-in-steps";

const step = (mustChangePassword: boolean, enrolled: boolean, factorVerified: boolean) =>
  nextSignInStep({ mustChangePassword, enrolled, factorVerified });

describe("nextSignInStep", () => {
  it("first login: change the initial password, then enrol, then done", () => {
    expect(step(true, false, false)).toBe("change-password");
    expect(step(false, false, false)).toBe("enrol");
    expect(step(false, true, true)).toBe("done");
  });

  it("an enrolled account proves the second factor before anything else", () => {
    expect(step(false, true, false)).toBe("second-factor");
    // an operator reset the password: the code first, then the new password
    expect(step(true, true, false)).toBe("second-factor");
    expect(step(true, true, true)).toBe("change-password");
  });

  it("a second factor reset by an administrator means enrolling again", () => {
    expect(step(false, false, false)).toBe("enrol");
    expect(step(true, false, false)).toBe("change-password");
  });

  it("never reaches done without a verified factor", () => {
    for (const m of [true, false])
      for (const e of [true, false]) expect(step(m, e, false)).not.toBe("done");
  });

  it("paths carry the console page to return to", () => {
    expect(signInStepPath("second-factor", "/console/ce?x=1")).toBe(
      "/console/login/verify?next=%2Fconsole%2Fce%3Fx%3D1",
    );
  });
});
