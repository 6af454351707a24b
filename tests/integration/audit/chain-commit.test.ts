// The audit chain links rows at COMMIT, after every row lock of the writing transaction: an
// audited transaction never holds the chain's head while it waits for another row, so two
// transactions that take an audit row and a row lock in opposite orders both commit, instead of
// one being aborted as a deadlock (the person saw 系统繁忙).
//
// The opposite-order test runs on PostgreSQL only: PGlite is one session, so a second
// connection's statements wait until the first connection's transaction ends — the two
// transactions can never hold locks at the same time, and T1 would wait for T2 forever.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import { verifyAuditChain } from "@/lib/audit/chain-verify";
import { createPerson } from "../../support/person";
import { chainDbForFile } from "./chain-db";

const postgres = inject("databaseKind") === "postgres";
const chain = chainDbForFile();

/** One audit row as the platform writes it, on a plain connection. */
async function insertAudit(client: pg.Client, marker: string, targetId: string) {
  await client.query(
    `INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType", "targetId")
     VALUES ('system', 'holiday.change', 'success', $1, $2)`,
    [marker, targetId],
  );
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** Resolves once the backend `pid` waits for a lock (polled as the owner). */
async function waitingForLock(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await chain.owner(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [
      pid,
    ]);
    if (r.rows[0]?.wait_event_type === "Lock") return;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}

async function rowsOf(marker: string) {
  return chain.db.auditEvent.findMany({
    where: { targetType: marker },
    orderBy: { chainSeq: "asc" },
  });
}

function expectDense(seqs: (bigint | null)[]) {
  const n = seqs.map(Number);
  expect(n).toEqual(n.map((_, i) => n[0]! + i));
}

describe("audit chain and row locks", () => {
  it.runIf(postgres)(
    "commits both transactions that take an audit row and a row lock in opposite orders",
    async () => {
      const person = await createPerson(chain.db);
      const marker = "chain-lock-order";
      const t1 = await connect(chain.test.appUrl);
      const t2 = await connect(chain.test.appUrl);
      try {
        const pid1 = (await t1.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!
          .pid;
        // T1: its audit row first; T2: the person's row lock first.
        await t1.query("BEGIN");
        await insertAudit(t1, marker, "t1");
        await t2.query("BEGIN");
        await t2.query(`SELECT "id" FROM "Person" WHERE "id" = $1 FOR UPDATE`, [person.id]);
        // T1 now waits for the person's row, which T2 holds…
        const t1Lock = t1
          .query(`SELECT "id" FROM "Person" WHERE "id" = $1 FOR UPDATE`, [person.id])
          .then(
            () => null,
            (e: { code?: string; message: string }) => e,
          );
        await waitingForLock(pid1);
        // …while T2 writes its audit row and commits (with the head taken at the first audit
        // row, T2 waited for T1 here and PostgreSQL aborted one of them: 40P01).
        const t2Result = await insertAudit(t2, marker, "t2")
          .then(() => t2.query("COMMIT"))
          .then(
            () => null,
            (e: { code?: string; message: string }) => e,
          );
        expect(t2Result).toBeNull();
        expect(await t1Lock).toBeNull();
        await t1.query("COMMIT");
      } finally {
        await t1.end();
        await t2.end();
      }
      // Linked in commit order: T2 committed first.
      const rows = await rowsOf(marker);
      expect(rows.map((r) => r.targetId)).toEqual(["t2", "t1"]);
      expectDense(rows.map((r) => r.chainSeq));
      expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
    },
  );

  it("chains 20 parallel writers that lock shared rows between their audit rows: no deadlock, dense, verified", async () => {
    const people = [await createPerson(chain.db), await createPerson(chain.db)];
    const marker = "chain-lock-parallel";
    await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        chain.db.$transaction(async (tx) => {
          // Half lock the people in one order, half in the other, each between audit rows;
          // the row locks alone are taken in the same order by every writer (no deadlock of
          // their own), only the audit rows around them differ.
          const [first, second] = people;
          for (let i = 0; i < 3; i++) {
            if (w % 2 === 0) {
              await writeAudit(tx, SYSTEM_CONTEXT, {
                actorType: "system",
                action: "holiday.change",
                outcome: "success",
                targetType: marker,
                targetId: `${w}-${i}`,
              });
            }
            await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ${first!.id}::uuid FOR UPDATE`;
            await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ${second!.id}::uuid FOR UPDATE`;
            if (w % 2 === 1) {
              await writeAudit(tx, SYSTEM_CONTEXT, {
                actorType: "system",
                action: "holiday.change",
                outcome: "success",
                targetType: marker,
                targetId: `${w}-${i}`,
              });
            }
            await tx.$executeRaw`SELECT pg_sleep(0.002)`;
          }
        }),
      ),
    );
    const rows = await rowsOf(marker);
    expect(rows).toHaveLength(60);
    expectDense(rows.map((r) => r.chainSeq));
    // Each transaction's rows stay together and in the order it wrote them.
    for (let i = 0; i < rows.length; i += 3) {
      const ids = rows.slice(i, i + 3).map((r) => r.targetId!);
      const w = ids[0]!.split("-")[0];
      expect(ids).toEqual([`${w}-0`, `${w}-1`, `${w}-2`]);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  }, 60_000);
});

/** The link an UPDATE would need to pass as the fill-in: the head's next position and hash. */
const FILL_IN = `UPDATE "AuditEvent" e
     SET "chainSeq" = h."seq" + 1, "prevHash" = h."hash",
         "hash" = "audit_event_hash"(jsonb_populate_record(e,
           jsonb_build_object('chainSeq', h."seq" + 1, 'prevHash', h."hash"%s)))%s
    FROM "AuditChainHead" h
   WHERE e."id" = $1`;

describe("the link's fill-in, the one UPDATE the append-only trigger lets through", () => {
  /** Runs `fn` on a connection of the schema's owner, its triggers on; rolls back what is open. */
  async function asOwner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = await connect(chain.test.url);
    try {
      return await fn(c);
    } finally {
      await c.query("ROLLBACK").catch(() => {});
      await c.end();
    }
  }

  /** The statement's error message inside the open transaction (kept usable by a savepoint). */
  async function refusal(c: pg.Client, sql: string, values: unknown[] = []) {
    await c.query("SAVEPOINT attempt");
    try {
      await c.query(sql, values);
      return "passed";
    } catch (e) {
      await c.query("ROLLBACK TO SAVEPOINT attempt");
      return (e as Error).message;
    }
  }

  const appendOnly = expect.stringContaining("append-only");

  it("refuses the owner's UPDATE of a new row's link that changes another column, lacks the setting or misses the head", async () => {
    await asOwner(async (c) => {
      await c.query("BEGIN");
      const inserted = await c.query<{ id: string; chainSeq: string | null }>(
        `INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType")
         VALUES ('system', 'holiday.change', 'success', 'fill-in') RETURNING "id"::text, "chainSeq"`,
      );
      const { id, chainSeq } = inserted.rows[0]!;
      // Unlinked until its transaction commits.
      expect(chainSeq).toBeNull();
      const fill = (extra: string, set = "") => FILL_IN.replace("%s", extra).replace("%s", set);
      // Without the setting, the exact link is refused.
      expect(await refusal(c, fill(""), [id])).toEqual(appendOnly);
      await c.query(`SELECT set_config('kuaiji.audit_chain_link', $1, true)`, [id]);
      // With it: another column changed alongside (and hashed so), a wrong hash, a wrong place.
      expect(
        await refusal(c, fill(`, 'outcome', 'failure'`, `, "outcome" = 'failure'`), [id]),
      ).toEqual(appendOnly);
      expect(
        await refusal(
          c,
          `UPDATE "AuditEvent" e SET "chainSeq" = h."seq" + 1, "prevHash" = h."hash",
             "hash" = repeat('e', 64) FROM "AuditChainHead" h WHERE e."id" = $1`,
          [id],
        ),
      ).toEqual(appendOnly);
      expect(
        await refusal(
          c,
          `UPDATE "AuditEvent" e SET "chainSeq" = h."seq" + 2, "prevHash" = h."hash",
             "hash" = "audit_event_hash"(jsonb_populate_record(e,
               jsonb_build_object('chainSeq', h."seq" + 2, 'prevHash', h."hash")))
             FROM "AuditChainHead" h WHERE e."id" = $1`,
          [id],
        ),
      ).toEqual(appendOnly);
      await c.query("COMMIT");
    });
    const [row] = await rowsOf("fill-in");
    expect(row!.chainSeq).not.toBeNull();
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  });

  it("refuses any UPDATE of a linked row, setting or not; a forged exact fill-in fails its commit", async () => {
    const [linked] = await rowsOf("fill-in");
    await asOwner(async (c) => {
      await c.query("BEGIN");
      await c.query(`SELECT set_config('kuaiji.audit_chain_link', $1, true)`, [String(linked!.id)]);
      for (const sql of [
        `UPDATE "AuditEvent" SET "chainSeq" = NULL, "prevHash" = NULL, "hash" = NULL WHERE "id" = $1`,
        `UPDATE "AuditEvent" SET "hash" = "hash" WHERE "id" = $1`,
        `DELETE FROM "AuditEvent" WHERE "id" = $1`,
      ]) {
        expect(await refusal(c, sql, [String(linked!.id)])).toEqual(appendOnly);
      }
    });
    // The exact link, with the setting, by hand: it passes the trigger but the head never moved,
    // so the commit's own link finds the row filled and fails — nothing of it stays.
    const committed = await asOwner(async (c) => {
      await c.query("BEGIN");
      const inserted = await c.query<{ id: string }>(
        `INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType")
         VALUES ('system', 'holiday.change', 'success', 'fill-in-forged') RETURNING "id"::text`,
      );
      const id = inserted.rows[0]!.id;
      await c.query(`SELECT set_config('kuaiji.audit_chain_link', $1, true)`, [id]);
      expect(await refusal(c, FILL_IN.replace("%s", "").replace("%s", ""), [id])).toBe("passed");
      return c.query("COMMIT").then(
        () => "committed",
        (e: Error) => e.message,
      );
    });
    expect(committed).toMatch(/changed or vanished before it was linked/);
    expect(await rowsOf("fill-in-forged")).toEqual([]);
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  });
});
