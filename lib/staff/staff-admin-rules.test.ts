import { describe, expect, it } from "vitest";
import {
  grantableRoles,
  nextRoles,
  reachOf,
  ROLE_NOT_HELD,
  ROLES_REQUIRED,
  sameRoles,
  staffStatus,
} from "./staff-admin-rules";

const cityAdmin = { staffId: "a", regionCode: "440100", roles: ["staff-admin", "ce-review"] };

describe("reachOf: own node, child, sibling, parent", () => {
  it("manages a colleague of the same office and the offices below, never itself", () => {
    expect(reachOf(cityAdmin, { id: "b", regionCode: "440100" })).toBe("manage");
    expect(reachOf(cityAdmin, { id: "b", regionCode: "440106" })).toBe("manage");
    expect(reachOf(cityAdmin, { id: "a", regionCode: "440100" })).toBe("self");
  });

  it("does not see a sibling city, the province above or another province", () => {
    expect(reachOf(cityAdmin, { id: "b", regionCode: "440600" })).toBe("hidden");
    expect(reachOf(cityAdmin, { id: "b", regionCode: "440000" })).toBe("hidden");
    expect(reachOf(cityAdmin, { id: "b", regionCode: "450100" })).toBe("hidden");
  });

  it("a county sees only its county; the province sees every office", () => {
    const county = { staffId: "c", regionCode: "440106", roles: ["staff-admin"] };
    expect(reachOf(county, { id: "b", regionCode: "440106" })).toBe("manage");
    expect(reachOf(county, { id: "b", regionCode: "440104" })).toBe("hidden");
    expect(reachOf(county, { id: "b", regionCode: "440100" })).toBe("hidden");
    const province = { staffId: "p", regionCode: "440000", roles: ["staff-admin"] };
    expect(reachOf(province, { id: "b", regionCode: "440000" })).toBe("manage");
    expect(reachOf(province, { id: "b", regionCode: "441900" })).toBe("manage");
  });
});

describe("roles a 管理员 may grant", () => {
  it("offers only held roles, in the table's order", () => {
    expect(grantableRoles({ roles: ["ce-review", "staff-admin", "retired-role"] })).toEqual([
      "ce-review",
      "staff-admin",
    ]);
  });

  it("sets the held roles as requested and keeps the others", () => {
    const r = nextRoles(cityAdmin, ["export", "ce-review", "retired-role"], ["staff-admin"]);
    expect(r).toEqual({ ok: true, roles: ["export", "staff-admin", "retired-role"] });
  });

  it("refuses to grant a role the 管理员 lacks, and an account without any role", () => {
    expect(nextRoles(cityAdmin, ["ce-review"], ["export"])).toEqual({
      ok: false,
      message: ROLE_NOT_HELD,
    });
    expect(nextRoles(cityAdmin, ["ce-review"], [])).toEqual({
      ok: false,
      message: ROLES_REQUIRED,
    });
  });

  it("compares role sets regardless of order and repeats", () => {
    expect(sameRoles(["a", "b"], ["b", "a", "a"])).toBe(true);
    expect(sameRoles(["a", "b"], ["a"])).toBe(false);
    expect(sameRoles(["a"], ["a", "c"])).toBe(false);
  });
});

describe("staffStatus", () => {
  const d = new Date();
  it("names the first state that applies", () => {
    const base = { disabledAt: null, mustChangePassword: false, totpEnrolledAt: d };
    expect(staffStatus(base)).toBe("active");
    expect(staffStatus({ ...base, totpEnrolledAt: null })).toBe("no-totp");
    expect(staffStatus({ ...base, mustChangePassword: true, totpEnrolledAt: null })).toBe(
      "first-login",
    );
    expect(staffStatus({ ...base, disabledAt: d, mustChangePassword: true })).toBe("disabled");
  });
});
