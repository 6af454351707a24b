import "server-only";
import { createHash } from "node:crypto";

// The audit log's hash chain, as the database computes it (migration 20261204101723_audit_chain,
// audit_event_hash): every row carries its position ("chainSeq"), the previous row's hash and
// its own, sha256 over the encoding below. The database fills them in when the inserting
// transaction commits, under the chain head's lock (migration
// 20261204184910_audit_chain_at_commit): they follow commit order, a writer holds the head only
// during its commit, and until then a new row's link is NULL (no one else sees the row before).
// `npm run audit:verify` recomputes each hash here, in TypeScript, from the stored columns — so
// the check does not rest on the database's own function. Keep the two byte for byte in step; a
// change is a new version tag.

/** The hash before the first row, and the anchor of a chain nothing was pruned from. */
export const GENESIS_HASH = "0".repeat(64);

const VERSION_TAG = "kuaiji-audit-v1";

/** One audit row's stored columns as the verifier reads them (`details` as jsonb's own text). */
export interface ChainedAuditRow {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  regionCode: string | null;
  targetType: string | null;
  targetId: string | null;
  /** `details::text`: jsonb prints keys in its own fixed order, so this text is canonical */
  details: string | null;
  chainSeq: string;
  prevHash: string;
  hash: string;
}

/** Its UTF-8 length, a colon and the text, or "-" for NULL: unambiguous without escaping. */
function field(value: string | null): string {
  return value === null ? "-" : `${Buffer.byteLength(value, "utf8")}:${value}`;
}

/** The bytes the row's hash is taken over (without the row's own hash, with the previous one). */
export function chainPayload(row: Omit<ChainedAuditRow, "hash">): string {
  return [
    VERSION_TAG,
    field(row.chainSeq),
    field(row.prevHash),
    field(row.id),
    field(String(row.at.getTime())),
    field(row.actorType),
    field(row.actorId),
    field(row.action),
    field(row.outcome),
    field(row.ip),
    field(row.userAgent),
    field(row.regionCode),
    field(row.targetType),
    field(row.targetId),
    field(row.details),
  ].join("");
}

export function chainHash(row: Omit<ChainedAuditRow, "hash">): string {
  return createHash("sha256").update(chainPayload(row), "utf8").digest("hex");
}
