import { afterEach, describe, expect, it, vi } from "vitest";
import { getHelpHotline, hotlineFromEnv } from "./help-hotline";

describe("help hotline", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to the jurisdiction's 12345 service line, around the clock", () => {
    expect(hotlineFromEnv({}, "广东省")).toEqual({
      number: "12345",
      name: "广东省政务服务便民热线",
      hours: "7×24小时",
      dial: "12345",
    });
    expect(hotlineFromEnv({ KUAIJI_HELP_HOTLINE: " " }, "浙江省").name).toBe(
      "浙江省政务服务便民热线",
    );
  });

  it("takes a desk of the deployment's own, with office hours unless told otherwise", () => {
    expect(hotlineFromEnv({ KUAIJI_HELP_HOTLINE: "020-83170000" }, "广东省")).toEqual({
      number: "020-83170000",
      name: "平台咨询电话",
      hours: "工作日 9:00—12:00，14:00—17:30",
      dial: "02083170000",
    });
    expect(
      hotlineFromEnv(
        {
          KUAIJI_HELP_HOTLINE: "400-820-8820",
          KUAIJI_HELP_HOTLINE_NAME: "会计服务热线",
          KUAIJI_HELP_HOURS: "工作日 8:30—17:30",
        },
        "广东省",
      ),
    ).toMatchObject({ name: "会计服务热线", hours: "工作日 8:30—17:30", dial: "4008208820" });
  });

  it("refuses what is not a number", () => {
    expect(() => hotlineFromEnv({ KUAIJI_HELP_HOTLINE: "请拨打12345" }, "广东省")).toThrow(
      /KUAIJI_HELP_HOTLINE/,
    );
    expect(() => hotlineFromEnv({ KUAIJI_HELP_HOTLINE: "12" }, "广东省")).toThrow(
      /KUAIJI_HELP_HOTLINE/,
    );
  });

  it("re-reads the environment when it changes", () => {
    vi.stubEnv("KUAIJI_HELP_HOTLINE", "");
    expect(getHelpHotline().number).toBe("12345");
    vi.stubEnv("KUAIJI_HELP_HOTLINE", "020-83170000");
    expect(getHelpHotline().number).toBe("020-83170000");
  });
});
