import { describe, expect, it } from "vitest";
import { metricsAccess } from "./access";

const TOKEN = "metrics-token-0123456789";

describe("metricsAccess", () => {
  it("is absent without a token, or with one too short to be a secret", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("absent");
    expect(metricsAccess("Bearer ", "")).toBe("absent");
    expect(metricsAccess("Bearer short-token", "short-token")).toBe("absent");
  });

  it("grants the configured token only", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("granted");
    expect(metricsAccess(`Bearer ${TOKEN}x`, TOKEN)).toBe("denied");
    expect(metricsAccess(TOKEN, TOKEN)).toBe("denied"); // no scheme
    expect(metricsAccess(`Basic ${TOKEN}`, TOKEN)).toBe("denied");
    expect(metricsAccess(null, TOKEN)).toBe("denied");
  });
});
