// The audit log's hash chain (issue 12, 12): every row linked to the one before by the database,
// in commit order, under concurrent writers; `npm run audit:verify` finds it sound, and finds the
// first place where an owner altered, deleted or slipped in a row.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import { createBackup } from "@/lib/backup/backup";
import { restoreBackup } from "@/lib/backup/restore";
import { createDb } from "@/lib/db/client";
import { tempStorage } from "../../support/collection";
import { startTestDatabase } from "../../support/test-db";
import { verifyAuditChain } from "@/lib/audit/chain-verify";
import { chainDbForFile } from "./chain-db";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../..");
const chain = chainDbForFile();

/** `n` parallel transactions, each writing `rows` audit rows with a little work between them. */
async function parallelWriters(n: number, rows: number, marker: string) {
  await Promise.all(
    Array.from({ length: n }, (_, w) =>
      chain.db.$transaction(async (tx) => {
        for (let i = 0; i < rows; i++) {
          await writeAudit(tx, SYSTEM_CONTEXT, {
            actorType: "system",
            action: "holiday.change",
            outcome: "success",
            targetType: marker,
            targetId: `${w}-${i}`,
            details: { writer: w, row: i, text: '中文 "quoted" \\ back' },
          });
          await tx.$executeRaw`SELECT pg_sleep(0.002)`;
        }
      }),
    ),
  );
}

async function rowsOf(marker: string) {
  return chain.db.auditEvent.findMany({
    where: { targetType: marker },
    orderBy: { chainSeq: "asc" },
  });
}

const verify = () => verifyAuditChain(chain.test.appUrl);

describe("audit hash chain", () => {
  it("chains 20 parallel writers in commit order: dense positions, each transaction's rows together, verify OK", async () => {
    const marker = "chain-parallel";
    await parallelWriters(20, 3, marker);
    const rows = await rowsOf(marker);
    expect(rows).toHaveLength(60);
    const seqs = rows.map((r) => Number(r.chainSeq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // Linked at commit under the head's lock: a transaction's rows are never interleaved with another's.
    const writers = rows.map((r) => r.targetId!.split("-")[0]);
    for (let i = 0; i < writers.length; i += 3) {
      expect(new Set(writers.slice(i, i + 3)).size).toBe(1);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.rows).toBe(await chain.db.auditEvent.count());
  });

  it("finds an altered row, and a row whose hash was recomputed to hide it", async () => {
    const marker = "chain-alter";
    await parallelWriters(1, 3, marker);
    const [, middle, last] = await rowsOf(marker);
    await chain.tamper(`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "id" = ${middle!.id}`);
    expect(await verify()).toMatchObject({
      ok: false,
      problem: "altered",
      id: String(middle!.id),
      chainSeq: String(middle!.chainSeq),
      at: middle!.at,
    });
    // The owner recomputes that row's hash too: the next row's link gives it away.
    await chain.tamper(
      `UPDATE "AuditEvent" e SET "hash" = "audit_event_hash"(e) WHERE "id" = ${middle!.id}`,
    );
    expect(await verify()).toMatchObject({ ok: false, problem: "link", id: String(last!.id) });
    // Put back as it was: sound again.
    await chain.tamper(
      `UPDATE "AuditEvent" SET "outcome" = 'success', "hash" = '${middle!.hash}' WHERE "id" = ${middle!.id}`,
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("finds a deleted row in the middle and at the end", async () => {
    const marker = "chain-delete";
    await parallelWriters(1, 3, marker);
    const [, middle, last] = await rowsOf(marker);
    const saved = (
      await chain.owner(
        `SELECT row_to_json(e)::text AS j FROM "AuditEvent" e WHERE "id" IN ($1, $2) ORDER BY "id"`,
        [String(middle!.id), String(last!.id)],
      )
    ).rows.map((r: { j: string }) => r.j);

    await chain.tamper(`DELETE FROM "AuditEvent" WHERE "id" = ${middle!.id}`);
    expect(await verify()).toMatchObject({
      ok: false,
      problem: "missing",
      id: String(last!.id),
      detail: expect.stringContaining(`${middle!.chainSeq}–${middle!.chainSeq}`),
    });
    await chain.tamper(`DELETE FROM "AuditEvent" WHERE "id" = ${last!.id}`);
    await chain.owner(
      `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", $1::json)`,
      [saved[0]],
    );
    expect(await verify()).toMatchObject({
      ok: false,
      problem: "missing",
      id: String(middle!.id),
      detail: expect.stringContaining("after this one"),
    });
    // Both back, exactly as they were (the owner's insert keeps a full link): sound again.
    await chain.owner(
      `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", $1::json)`,
      [saved[1]],
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("finds a forged row beside the chain, with or without a made-up link", async () => {
    const head = await chain.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    // Inserted with the chain's trigger off: no place in the chain at all.
    await chain.owner(`BEGIN;
      ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_chain";
      INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType")
        VALUES ('staff', 'staff.login', 'success', 'forged');
      ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_chain";
      COMMIT`);
    const [forged] = await rowsOf("forged");
    expect(await verify()).toMatchObject({
      ok: false,
      problem: "out-of-chain",
      id: String(forged!.id),
    });
    await chain.tamper(`DELETE FROM "AuditEvent" WHERE "targetType" = 'forged'`);

    // With a link of its own past the head (the owner's insert keeps what it is given).
    await chain.owner(
      `INSERT INTO "AuditEvent" ("actorType", "action", "outcome", "targetType", "chainSeq", "prevHash", "hash")
       VALUES ('staff', 'staff.login', 'success', 'forged', $1, $2, $3)`,
      [String(head.seq + 1n), head.hash, "a".repeat(64)],
    );
    expect(await verify()).toMatchObject({ ok: false, problem: "out-of-chain" });
    await chain.tamper(`DELETE FROM "AuditEvent" WHERE "targetType" = 'forged'`);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("`npm run audit:verify` exits 0 with the count when sound, 1 with the broken row when not", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: chain.test.appUrl };
    delete env.DATABASE_MIGRATION_URL;
    const ok = await run("npm", ["run", "-s", "audit:verify"], { cwd: ROOT, env });
    const count = await chain.db.auditEvent.count();
    expect(ok.stdout).toContain(`OK: ${count} rows chained`);

    const [row] = await rowsOf("chain-parallel");
    await chain.tamper(`UPDATE "AuditEvent" SET "ip" = '198.51.100.1' WHERE "id" = ${row!.id}`);
    const failed = await run("npm", ["run", "-s", "audit:verify"], { cwd: ROOT, env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain(
      `BROKEN (altered) at row id ${row!.id}`,
    );
    await chain.tamper(`UPDATE "AuditEvent" SET "ip" = NULL WHERE "id" = ${row!.id}`);
    expect(await verify()).toMatchObject({ ok: true });
  }, 60_000);

  it("comes back from a backup exactly, head and links, still verified; the application's role keeps its limits", async () => {
    const store = await tempStorage();
    const work = await mkdtemp(path.join(tmpdir(), "kuaiji-chain-backup-"));
    const target = await startTestDatabase();
    const restored = createDb(target.appUrl);
    try {
      const dir = path.join(work, "b");
      await createBackup({ url: chain.test.url, storage: store.storage, dir, appVersion: "test" });
      await restoreBackup({ url: target.url, storage: store.storage, dir, force: true });
      expect(await verifyAuditChain(target.appUrl)).toEqual(await verify());
      expect(await restored.auditChainHead.findUnique({ where: { id: 1 } })).toEqual(
        await chain.db.auditChainHead.findUnique({ where: { id: 1 } }),
      );
      // The schema was rebuilt by the owner: the role's grants came back by default privileges,
      // and the audit migration took the writes on the audit log away again.
      await restored.auditEvent.create({
        data: { actorType: "system", action: "holiday.change", outcome: "success" },
      });
      const refused = /append-only|permission denied/;
      await expect(restored.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(refused);
      expect(await verifyAuditChain(target.appUrl)).toMatchObject({ ok: true });
    } finally {
      await restored.$disconnect();
      await target.stop();
      await store.remove();
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);

  it("costs what the head's lock costs under 20 parallel writers (measured, printed)", async () => {
    // 200 transactions, 20 at a time, each one audit row and 2 ms of other work — the row written
    // last or first (either way the head's lock is taken only in COMMIT) — with the chain and with
    // its linking trigger switched off by the owner.
    const round = async (marker: string, auditFirst: boolean) => {
      const t0 = performance.now();
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 20 }, (_, w) =>
            chain.db.$transaction(async (tx) => {
              const audit = () =>
                writeAudit(tx, SYSTEM_CONTEXT, {
                  actorType: "system",
                  action: "holiday.change",
                  outcome: "success",
                  targetType: marker,
                  targetId: `${batch}-${w}`,
                });
              if (auditFirst) await audit();
              await tx.$executeRaw`SELECT pg_sleep(0.002)`;
              if (!auditFirst) await audit();
            }),
          ),
        );
      }
      return Math.round(performance.now() - t0);
    };
    await round("bench", false); // warm-up: connections, plans
    const chained = { last: await round("bench", false), first: await round("bench", true) };
    await chain.owner(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_chain"`);
    const plain = {
      last: await round("bench-plain", false),
      first: await round("bench-plain", true),
    };
    await chain.owner(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_chain"`);
    console.log(
      `[audit chain, ${chain.test.kind}] 200 tx × 20 parallel: audit row last ${chained.last} ms ` +
        `(without chain ${plain.last} ms); audit row first ${chained.first} ms (without ${plain.first} ms)`,
    );
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({
      ok: false,
      problem: "out-of-chain",
    });
    await chain.tamper(`DELETE FROM "AuditEvent" WHERE "targetType" = 'bench-plain'`);
    expect(await chain.db.auditEvent.count({ where: { targetType: "bench" } })).toBe(600);
    expect(await verifyAuditChain(chain.test.appUrl)).toMatchObject({ ok: true });
  }, 120_000);
});
