import { describe, expect, it } from "vitest";
import { isHub } from "@/lib/exchange/config";
import { hubRefuses } from "./hub-only";

describe("what the hub serves", () => {
  const hub = { KUAIJI_ROLE: " hub " };
  it("serves the exchange's API, health, readiness and jobs", () => {
    for (const p of [
      "/api/exchange/v1/transfers",
      "/api/exchange/v1/transfers/0190aaaa-0000-7000-8000-000000000000/events",
      "/api/ready",
      "/api/health",
      "/api/jobs/run",
    ]) {
      expect(hubRefuses(p, hub), p).toBe(false);
    }
  });
  it("refuses the platform's pages and the rest of its API", () => {
    for (const p of [
      "/",
      "/login",
      "/register",
      "/console",
      "/transfer-in",
      "/api/captcha",
      "/api/readyx",
      "/api/exchangeX",
    ]) {
      expect(hubRefuses(p, hub), p).toBe(true);
    }
  });
  it("reads the role as lib/exchange/config.ts does", () => {
    for (const KUAIJI_ROLE of ["hub", " hub ", "platform", "", undefined]) {
      expect(hubRefuses("/login", { KUAIJI_ROLE }), String(KUAIJI_ROLE)).toBe(
        isHub({ KUAIJI_ROLE }),
      );
    }
  });
  it("leaves a platform alone", () => {
    expect(hubRefuses("/login", {})).toBe(false);
    expect(hubRefuses("/login", { KUAIJI_ROLE: "platform" })).toBe(false);
  });
});
