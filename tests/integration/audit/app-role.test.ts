// The application's role (scripts/db/app-role-grants.ts) against the audit log, connected as that
// role exactly as the platform runs in production: it writes and reads audit rows, and every way
// to change or remove one, or to switch the guard off, is refused by PostgreSQL itself.
// PostgreSQL only: PGlite has one role, which owns everything (README).
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/chain-verify";
import { chainDbForFile } from "./chain-db";

const postgres = inject("databaseKind") === "postgres";
const chain = chainDbForFile();

async function asApp<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: chain.test.appUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The statement's PostgreSQL error code (42501: insufficient privilege / must be owner). */
async function refusal(sql: string): Promise<string | undefined> {
  return asApp((client) =>
    client.query(sql).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    ),
  );
}

describe.runIf(postgres)("the application's role on the audit log", () => {
  it("inserts and reads audit rows and runs the platform's client", async () => {
    const who = await asApp((c) => c.query<{ u: string }>("SELECT current_user AS u"));
    expect(who.rows[0]!.u).toMatch(/^kuaiji_test_app_/);
    await asApp((c) =>
      c.query(`INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType")
               VALUES ('system', 'holiday.change', 'success', 'app-role')`),
    );
    expect(await chain.db.auditEvent.count({ where: { targetType: "app-role" } })).toBe(1);
  });

  it("cannot UPDATE, DELETE or TRUNCATE audit rows, nor move the chain's head", async () => {
    for (const sql of [
      `UPDATE "AuditEvent" SET "outcome" = 'failure'`,
      `DELETE FROM "AuditEvent"`,
      `TRUNCATE "AuditEvent"`,
      `UPDATE "AuditChainHead" SET "seq" = 0`,
      `DELETE FROM "AuditChainHead"`,
      `INSERT INTO "AuditChainHead" VALUES (2, 0, '', 0, '')`,
    ]) {
      expect({ sql, code: await refusal(sql) }).toEqual({ sql, code: "42501" });
    }
  });

  it("cannot fill in, change or clear a link itself, even with the fill-in's setting", async () => {
    const codes = await asApp(async (c) => {
      await c.query("BEGIN");
      const inserted = await c.query<{ id: string; chainSeq: string | null }>(
        `INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType")
         VALUES ('system', 'holiday.change', 'success', 'app-fill-in') RETURNING "id"::text, "chainSeq"`,
      );
      const { id, chainSeq } = inserted.rows[0]!;
      expect(chainSeq).toBeNull(); // linked only at its commit
      const [linked] = await chain.db.auditEvent.findMany({
        where: { chainSeq: { not: null } },
        take: 1,
      });
      const codes: Record<string, string | undefined> = {};
      for (const [target, sql] of [
        [
          id,
          `UPDATE "AuditEvent" e SET "chainSeq" = h."seq" + 1, "prevHash" = h."hash",
                "hash" = "audit_event_hash"(jsonb_populate_record(e,
                  jsonb_build_object('chainSeq', h."seq" + 1, 'prevHash', h."hash")))
              FROM "AuditChainHead" h WHERE e."id" = $1`,
        ],
        [
          String(linked!.id),
          `UPDATE "AuditEvent" SET "chainSeq" = NULL, "prevHash" = NULL, "hash" = NULL WHERE "id" = $1`,
        ],
        [String(linked!.id), `UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "id" = $1`],
        [String(linked!.id), `DELETE FROM "AuditEvent" WHERE "id" = $1`],
      ] as const) {
        await c.query("SAVEPOINT attempt");
        await c.query(`SELECT set_config('kuaiji.audit_chain_link', $1, true)`, [target]);
        codes[sql] = await c.query(sql, [target]).then(
          () => undefined,
          (e: { code?: string }) => e.code,
        );
        await c.query("ROLLBACK TO SAVEPOINT attempt");
      }
      await c.query("COMMIT");
      return codes;
    });
    expect(Object.values(codes)).toEqual(["42501", "42501", "42501", "42501"]);
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  });

  it("cannot ALTER the table, disable its triggers, or replace their functions", async () => {
    for (const sql of [
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
      `ALTER TABLE "AuditEvent" DROP COLUMN "hash"`,
      `DROP TRIGGER "AuditEvent_chain" ON "AuditEvent"`,
      `DROP TRIGGER "AuditEvent_chain_arrival" ON "AuditEvent"`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_chain"`,
      `CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      `ALTER TABLE "AuditEvent" OWNER TO CURRENT_USER`,
    ]) {
      expect({ sql, code: await refusal(sql) }).toEqual({ sql, code: "42501" });
    }
    // Replication mode (which skips triggers) is for superusers only.
    expect(await refusal(`SET session_replication_role = replica`)).toBe("42501");
  });

  it("cannot prune recent rows through the archive's function", async () => {
    const head = await chain.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const key = `audit-archive/2026/01/1-${head.seq}.ndjson.gz`;
    const code = await refusal(
      `SELECT "audit_chain_prune"('${key}', now() - interval '179 days', '{}'::jsonb)`,
    );
    expect(code).toBe("P0001");
    expect(await chain.db.auditEvent.count()).toBeGreaterThan(0);
  });

  it("ignores a link it sends and has the row chained by the database", async () => {
    const before = await chain.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const created = await chain.db.auditEvent.create({
      data: {
        actorType: "system",
        action: "holiday.change",
        outcome: "success",
        chainSeq: 1n,
        prevHash: "f".repeat(64),
        hash: "e".repeat(64),
      },
    });
    // What the insert returns is the row before its commit: cleared, not yet linked.
    expect(created).toMatchObject({ chainSeq: null, prevHash: null, hash: null });
    const row = await chain.db.auditEvent.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.chainSeq).toBe(before.seq + 1n);
    expect(row.prevHash).toBe(before.hash);
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  });
});
