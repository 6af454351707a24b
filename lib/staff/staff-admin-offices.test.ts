import { describe, expect, it } from "vitest";
import { officeGroups } from "./staff-admin-offices";

describe("officeGroups: the offices a 管理员 may choose", () => {
  it("the province: itself, then every city with its counties (深圳 runs its own platform)", () => {
    const groups = officeGroups("440000");
    expect(groups[0]).toEqual({
      label: "省级",
      offices: [{ code: "440000", name: "广东省财政厅" }],
    });
    const codes = groups.flatMap((g) => g.offices.map((o) => o.code));
    expect(codes).toContain("440106");
    expect(codes).toContain("441900");
    expect(codes.some((c) => c.startsWith("4403"))).toBe(false);
  });

  it("a city: its own office first, then its counties, nothing else", () => {
    const groups = officeGroups("440100");
    expect(groups).toHaveLength(1);
    expect(groups[0]!.label).toBe("广州市");
    expect(groups[0]!.offices[0]).toEqual({ code: "440100", name: "广州市财政局" });
    expect(groups[0]!.offices.every((o) => o.code.startsWith("4401"))).toBe(true);
    expect(groups[0]!.offices.map((o) => o.name)).toContain("天河区财政局");
  });

  it("a county: only itself", () => {
    expect(officeGroups("440106")).toEqual([
      { label: "广州市", offices: [{ code: "440106", name: "天河区财政局" }] },
    ]);
  });
});
