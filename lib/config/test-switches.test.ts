import { describe, expect, it } from "vitest";
import {
  activeTestSwitches,
  assertTestSwitchesAllowed,
  captchaTestAnswer,
  TestSwitchError,
} from "./test-switches";

describe("test switches", () => {
  it("production env (no switches) passes and has no captcha answer", () => {
    expect(assertTestSwitchesAllowed({})).toEqual([]);
    expect(activeTestSwitches({ CAPTCHA_TEST_ANSWER: "" })).toEqual([]);
    expect(captchaTestAnswer({})).toBeUndefined();
  });

  it("refuses CAPTCHA_TEST_ANSWER without KUAIJI_ALLOW_TEST_SWITCHES=1, in Chinese and English", () => {
    for (const allow of [undefined, "", "0", "true", "yes"]) {
      const env = { CAPTCHA_TEST_ANSWER: "abcd", KUAIJI_ALLOW_TEST_SWITCHES: allow };
      expect(() => assertTestSwitchesAllowed(env)).toThrow(TestSwitchError);
      expect(captchaTestAnswer(env)).toBeUndefined();
    }
    expect(() => assertTestSwitchesAllowed({ CAPTCHA_TEST_ANSWER: "abcd" })).toThrow(
      /拒绝启动.*refusing to start/,
    );
  });

  it("counts the bench's bare routes as a test switch", () => {
    expect(() => assertTestSwitchesAllowed({ KUAIJI_BENCH_ROUTES: "1" })).toThrow(TestSwitchError);
    expect(
      assertTestSwitchesAllowed({ KUAIJI_BENCH_ROUTES: "1", KUAIJI_ALLOW_TEST_SWITCHES: "1" }),
    ).toEqual(["KUAIJI_BENCH_ROUTES"]);
  });

  it("allows the switch with KUAIJI_ALLOW_TEST_SWITCHES=1 and reports it", () => {
    const env = { CAPTCHA_TEST_ANSWER: "abcd", KUAIJI_ALLOW_TEST_SWITCHES: "1" };
    expect(assertTestSwitchesAllowed(env)).toEqual(["CAPTCHA_TEST_ANSWER"]);
    expect(captchaTestAnswer(env)).toBe("abcd");
  });

  it("permission alone changes nothing", () => {
    expect(assertTestSwitchesAllowed({ KUAIJI_ALLOW_TEST_SWITCHES: "1" })).toEqual([]);
    expect(captchaTestAnswer({ KUAIJI_ALLOW_TEST_SWITCHES: "1" })).toBeUndefined();
  });
});
