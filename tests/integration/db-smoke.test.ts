// The test database is migrated, the Prisma client reaches it, and AuditEvent is append-only.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { listLocalMigrations, pendingMigrations } from "@/scripts/db/migrations";

afterAll(async () => {
  await db.$disconnect();
});

describe("test database", () => {
  it("is the one the global setup started, and env reached the worker", () => {
    expect(process.env.DATABASE_URL).toBe(inject("databaseUrl"));
    expect(process.env.KUAIJI_ENC_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(process.env.KUAIJI_INDEX_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(process.env.NEXTAUTH_SECRET).toBeTruthy();
  });

  it("has every migration applied and recorded like Prisma does", async () => {
    const local = listLocalMigrations();
    expect(local.length).toBeGreaterThan(0);
    expect(await pendingMigrations(process.env.DATABASE_URL!)).toEqual([]);
    const rows = await db.$queryRaw<
      { migration_name: string; checksum: string; applied_steps_count: number }[]
    >`
      SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    expect(rows).toEqual(
      local.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })),
    );
  });
});

describe("Person", () => {
  it("can be created and read back", async () => {
    const suffix = randomUUID().replace(/-/g, "").slice(0, 8);
    const created = await db.person.create({
      data: {
        name: "测试",
        idType: "resident",
        idNumberCipher: `cipher-${suffix}`,
        idNumberIndex: `index-${suffix}`,
        idNumberMasked: "1101************34",
        phone: `139${suffix
          .replace(/[^0-9]/g, "1")
          .padEnd(8, "0")
          .slice(0, 8)}`,
        passwordHash: "x",
        regionCode: "110000",
      },
    });
    const found = await db.person.findUnique({ where: { idNumberIndex: `index-${suffix}` } });
    expect(found).toMatchObject({
      id: created.id,
      name: "测试",
      regionCode: "110000",
    });
    await db.person.delete({ where: { id: created.id } });
  });
});

describe("AuditEvent", () => {
  it("accepts inserts but refuses UPDATE, DELETE and TRUNCATE", async () => {
    const event = await db.auditEvent.create({
      data: {
        actorType: "system",
        action: "test.smoke",
        outcome: "success",
        details: { note: "smoke" },
      },
    });
    expect(typeof event.id).toBe("bigint");
    // On PostgreSQL the platform's role holds no UPDATE, DELETE or TRUNCATE on the table at all;
    // on PGlite (one role, the owner's) the trigger refuses.
    const refused = /append-only|permission denied/;

    await expect(
      db.auditEvent.update({ where: { id: event.id }, data: { outcome: "failure" } }),
    ).rejects.toThrow(refused);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(refused);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(refused);
    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "outcome" = 'failure'`),
    ).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(refused);

    const again = await db.auditEvent.findUnique({ where: { id: event.id } });
    expect(again?.outcome).toBe("success");
  });
});
