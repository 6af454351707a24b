import { afterEach, describe, expect, it, vi } from "vitest";
import { getJurisdiction, jurisdictionFromEnv, shortRegionName } from "./config";

describe("jurisdiction config", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to Guangdong except Shenzhen", () => {
    expect(jurisdictionFromEnv({})).toEqual({
      code: "440000",
      name: "广东省",
      excludedCodes: ["440300"],
      excludedNames: ["深圳市"],
      label: "广东省内（除深圳）",
      workAreaLabel: "广东省内（除深圳）",
      hostOrganisation: "广东省财政厅",
      platformName: "会计人员信息服务平台",
    });
  });

  it("computes the label from the names", () => {
    expect(jurisdictionFromEnv({ KUAIJI_JURISDICTION_EXCLUDE: "440300，440100" }).label).toBe(
      "广东省内（除深圳、广州）",
    );
    expect(jurisdictionFromEnv({ KUAIJI_JURISDICTION_EXCLUDE: "440106" }).label).toBe(
      "广东省内（除天河区）",
    );
    expect(jurisdictionFromEnv({ KUAIJI_JURISDICTION_EXCLUDE: "" }).label).toBe("广东省内");
    expect(jurisdictionFromEnv({ KUAIJI_JURISDICTION_NAME: "广东" }).label).toBe(
      "广东内（除深圳）",
    );
  });

  it("derives defaults for other jurisdictions", () => {
    const zj = jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "330000" });
    expect(zj).toMatchObject({
      name: "浙江省",
      excludedCodes: ["330200"],
      label: "浙江省内（除宁波）",
      hostOrganisation: "浙江省财政厅",
    });
    const bj = jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "110000" });
    expect(bj).toMatchObject({
      name: "北京市",
      excludedCodes: [],
      label: "北京市内",
      hostOrganisation: "北京市财政局",
    });
    const sz = jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "440300" });
    expect(sz).toMatchObject({
      name: "深圳市",
      excludedCodes: [],
      hostOrganisation: "深圳市财政局",
    });
  });

  it("rejects bad configuration", () => {
    expect(() => jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "44" })).toThrow(
      /KUAIJI_JURISDICTION_CODE/,
    );
    expect(() => jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "449999" })).toThrow(
      /KUAIJI_JURISDICTION_CODE/,
    );
    expect(() => jurisdictionFromEnv({ KUAIJI_JURISDICTION_EXCLUDE: "110100" })).toThrow(
      /KUAIJI_JURISDICTION_EXCLUDE/,
    );
    expect(() => jurisdictionFromEnv({ KUAIJI_JURISDICTION_EXCLUDE: "440000" })).toThrow(
      /KUAIJI_JURISDICTION_EXCLUDE/,
    );
  });

  it("overrides host and platform names from the environment", () => {
    vi.stubEnv("KUAIJI_HOST_ORGANISATION", "某某财政局");
    vi.stubEnv("KUAIJI_PLATFORM_NAME", "测试平台");
    expect(getJurisdiction()).toMatchObject({
      hostOrganisation: "某某财政局",
      platformName: "测试平台",
    });
    vi.unstubAllEnvs();
    expect(getJurisdiction().hostOrganisation).toBe(
      process.env.KUAIJI_HOST_ORGANISATION ?? "广东省财政厅",
    );
  });

  it("shortens city names for labels", () => {
    expect(shortRegionName("深圳市")).toBe("深圳");
    expect(shortRegionName("天河区")).toBe("天河区");
    expect(shortRegionName("沙市")).toBe("沙市");
  });
});
