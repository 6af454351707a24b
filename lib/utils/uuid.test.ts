import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "./uuid";

describe("uuidv7", () => {
  it("is a version 7 UUID that carries its millisecond time first", () => {
    const at = Date.UTC(2026, 11, 3, 16, 0, 0, 123);
    const id = uuidv7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect("89ab").toContain(id[19]);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by time and never repeats", () => {
    const earlier = uuidv7(1_000);
    const later = uuidv7(2_000);
    expect(earlier < later).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(5_000))).size).toBe(1000);
  });

  it("keeps the order of ids made within one millisecond", () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7(7_000));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id[14]).toBe("7");
  });
});
