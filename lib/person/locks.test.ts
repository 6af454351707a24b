import { describe, expect, it } from "vitest";
import { TRANSFER_LOCKED, transferLockReason } from "./locks";

describe("the transfer lock", () => {
  it("closes editing while a transfer-out is pending or approved, and only then", () => {
    expect(transferLockReason("OUT_PENDING")).toBe(TRANSFER_LOCKED);
    expect(transferLockReason("OUT_APPROVED")).toBe(TRANSFER_LOCKED);
    expect(transferLockReason(null)).toBeNull();
    expect(transferLockReason(undefined)).toBeNull();
    expect(transferLockReason("RECEIVED")).toBeNull();
  });
});
