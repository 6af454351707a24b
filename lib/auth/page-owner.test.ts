import { describe, expect, it } from "vitest";
import { claimedPageOwner, ownerChanged, PAGE_OWNER_FIELD } from "./page-owner";

describe("the page owner an action names", () => {
  it("is read from an object input, and only as a non-empty string", () => {
    expect(claimedPageOwner({ [PAGE_OWNER_FIELD]: "abc", name: "x" })).toBe("abc");
    expect(claimedPageOwner({ [PAGE_OWNER_FIELD]: "" })).toBeNull();
    expect(claimedPageOwner({ [PAGE_OWNER_FIELD]: 42 })).toBeNull();
    expect(claimedPageOwner({ name: "x" })).toBeNull();
    expect(claimedPageOwner(null)).toBeNull();
    expect(claimedPageOwner("abc")).toBeNull();
  });

  it("refuses another owner, accepts the session's and an input naming none", () => {
    expect(ownerChanged({ [PAGE_OWNER_FIELD]: "a" }, "b")).toBe(true);
    expect(ownerChanged({ [PAGE_OWNER_FIELD]: "a" }, "a")).toBe(false);
    expect(ownerChanged({ id: "1" }, "a")).toBe(false);
  });
});
