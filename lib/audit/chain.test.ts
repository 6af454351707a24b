import { describe, expect, it } from "vitest";
import { chainHash, chainPayload, GENESIS_HASH } from "./chain";

// The row below, hashed by the database's audit_event_hash (migration 20261204101723_audit_chain)
// on PostgreSQL 15 and on PGlite alike: the TypeScript encoding must give the same bytes.
const ROW = {
  id: "42",
  at: new Date("2026-12-04T10:00:00.123Z"),
  actorType: "staff",
  actorId: "a1",
  action: "staff.login",
  outcome: "success",
  ip: null,
  userAgent: "",
  regionCode: "440106",
  targetType: null,
  targetId: "t-1",
  details: '{"a": "中文 \\"x\\"", "z": [1, 2.50]}',
  chainSeq: "7",
  prevHash: GENESIS_HASH,
};

describe("audit chain encoding", () => {
  it("gives the database's hash for the same row", () => {
    expect(chainHash(ROW)).toBe("7870353b0c0230a79913f4313c0cda74bcfeae9ccd06408b9d2b647bc03ea3a6");
  });

  it("tells NULL from an empty text and counts UTF-8 bytes, so no two rows share an encoding", () => {
    const payload = chainPayload(ROW);
    expect(payload).toContain("-0:6:440106-3:t-1");
    expect(payload).toContain(`${Buffer.byteLength(ROW.details)}:{"a": "中文`);
    expect(chainHash({ ...ROW, ip: "" })).not.toBe(chainHash(ROW));
    // A character moved from one field to the next changes the hash.
    expect(chainHash({ ...ROW, actorType: "staf", actorId: "fa1" })).not.toBe(chainHash(ROW));
  });

  it("changes with every column and with the previous hash", () => {
    const base = chainHash(ROW);
    const changed = [
      { id: "43" },
      { at: new Date("2026-12-04T10:00:00.124Z") },
      { outcome: "failure" },
      { details: null },
      { chainSeq: "8" },
      { prevHash: "1".repeat(64) },
    ].map((c) => chainHash({ ...ROW, ...c }));
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});
