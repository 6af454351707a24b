import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type SearchCursor } from "./cursor";

const ID = "0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b";
const byName = { sort: "name", order: "asc" } as const;

describe("人员查询 cursor", () => {
  it("decodes what it encodes, as opaque base64url", () => {
    const cases: SearchCursor[] = [
      { ...byName, direction: "next", key: "zhangsan", personId: ID },
      {
        sort: "registeredAt",
        order: "desc",
        direction: "prev",
        key: "2026-01-02T03:04:05.678Z",
        personId: ID,
      },
      { sort: "collectedAt", order: "asc", direction: "next", key: "-infinity", personId: ID },
    ];
    for (const c of cases) {
      const raw = encodeCursor(c);
      expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(raw).not.toContain(c.key);
      expect(decodeCursor(raw, c)).toEqual(c);
    }
  });

  it("refuses a cursor of another sort or order", () => {
    const raw = encodeCursor({ ...byName, direction: "next", key: "li", personId: ID });
    expect(decodeCursor(raw, { sort: "name", order: "desc" })).toBeNull();
    expect(decodeCursor(raw, { sort: "registeredAt", order: "asc" })).toBeNull();
  });

  it("refuses edited or forged cursors", () => {
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const expected = { sort: "registeredAt", order: "asc" } as const;
    const good = [1, "registeredAt", "asc", "next", "2026-01-02T03:04:05.678Z", ID];
    expect(decodeCursor(forge(good), expected)).not.toBeNull();
    const bad = [
      [2, ...good.slice(1)],
      [1, "registeredAt", "asc", "sideways", good[4], ID],
      [1, "registeredAt", "asc", "next", "yesterday", ID],
      [1, "registeredAt", "asc", "next", "-infinity", ID], // only 采集时间 has 未采集
      [1, "registeredAt", "asc", "next", "2026-13-45T99:04:05.678Z", ID],
      [1, "registeredAt", "asc", "next", good[4], "1; DROP TABLE"],
      [1, "registeredAt", "asc", "next", good[4]],
      { sort: "registeredAt" },
    ];
    for (const b of bad) expect(decodeCursor(forge(b), expected)).toBeNull();
    expect(decodeCursor("not json", expected)).toBeNull();
    expect(decodeCursor("%%%", expected)).toBeNull();
    expect(decodeCursor("", expected)).toBeNull();
  });
});
