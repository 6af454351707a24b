import { describe, expect, it } from "vitest";
import { hasRole, STAFF_ROLES } from "./staff-roles";

describe("staff roles", () => {
  it("grants only the roles held", () => {
    expect(hasRole({ roles: ["ce-review"] }, "ce-review")).toBe(true);
    expect(hasRole({ roles: ["ce-review"] }, "ce-course")).toBe(false);
    expect(hasRole({ roles: [] }, "ce-review")).toBe(false);
  });

  it("labels every role in Chinese", () => {
    expect(STAFF_ROLES.label("ce-course")).toBe("继续教育课程登记");
    expect(STAFF_ROLES.is("admin")).toBe(false);
  });
});
