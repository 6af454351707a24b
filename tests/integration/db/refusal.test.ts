import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isUniqueViolation, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { personCreateData } from "@/lib/account/register-service";
import { randomPhone, randomResidentId } from "../../support/accounts";
import { createPerson } from "../../support/person";

type Result = { ok: true; id: string } | Refusal<"taken" | "stopped">;

/** A content block nobody else writes: its (key, regionCode) index is compound. */
const block = (key: string, title = "标题") => ({ key, regionCode: "440000", title, body: "正文" });

/** The error a write throws, or null. */
async function errorOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("refusableTransaction", () => {
  it("rolls back what the transaction wrote and answers the refusal", async () => {
    const key = `t-${randomUUID().slice(0, 8)}`;
    const refused: Result = { ok: false, reason: "stopped", message: "到此为止" };
    const r = await refusableTransaction<Result>(db, async (tx, refuse) => {
      await tx.contentBlock.create({ data: block(key) });
      expect(await tx.contentBlock.count({ where: { key } })).toBe(1);
      return refuse(refused);
    });
    expect(r).toBe(refused);
    expect(await db.contentBlock.count({ where: { key } })).toBe(0);
  });

  it("commits and answers what the work returns", async () => {
    const key = `t-${randomUUID().slice(0, 8)}`;
    const r = await refusableTransaction<Result>(db, async (tx) => {
      const row = await tx.contentBlock.create({ data: block(key), select: { id: true } });
      return { ok: true, id: row.id };
    });
    expect(r).toMatchObject({ ok: true });
    expect(await db.contentBlock.count({ where: { key } })).toBe(1);
  });

  it("answers a unique violation with onUniqueViolation, rolling back the rest", async () => {
    const key = `t-${randomUUID().slice(0, 8)}`;
    await db.contentBlock.create({ data: block(key) });
    const other = `t-${randomUUID().slice(0, 8)}`;
    const r = await refusableTransaction<Result>(
      db,
      async (tx) => {
        await tx.contentBlock.create({ data: block(other) });
        const row = await tx.contentBlock.create({
          data: block(key, "重复"),
          select: { id: true },
        });
        return { ok: true, id: row.id };
      },
      { onUniqueViolation: () => ({ ok: false, reason: "taken", message: "已存在" }) },
    );
    expect(r).toEqual({ ok: false, reason: "taken", message: "已存在" });
    expect(await db.contentBlock.count({ where: { key: other } })).toBe(0);
  });

  it("throws what is no refusal: a unique violation nobody answers, any other error", async () => {
    const key = `t-${randomUUID().slice(0, 8)}`;
    await db.contentBlock.create({ data: block(key) });
    const duplicate = refusableTransaction<Result>(db, async (tx) => {
      await tx.contentBlock.create({ data: block(key) });
      return { ok: true, id: "" };
    });
    expect(isUniqueViolation(await errorOf(duplicate))).toBe(true);
    const failing = refusableTransaction<Result>(
      db,
      async () => {
        throw new RangeError("boom");
      },
      { onUniqueViolation: () => ({ ok: false, reason: "taken", message: "" }) },
    );
    await expect(failing).rejects.toThrow(RangeError);
  });
});

describe("isUniqueViolation", () => {
  // Prisma 7 with the pg adapter names the index, not the fields: the test that field matching
  // reads what this database really reports.
  it("tells which unique index a real P2002 is about", async () => {
    const p = await createPerson(db);
    const person = (idNumber: string, phone: string) =>
      db.person.create({
        data: personCreateData(
          { name: "陈静", idType: "RESIDENT_ID", phone },
          idNumber,
          {},
          "-",
          "440000",
        ),
      });

    const samePhone = await errorOf(person(randomResidentId(), p.phone));
    expect(isUniqueViolation(samePhone)).toBe(true);
    expect(isUniqueViolation(samePhone, "phone")).toBe(true);
    expect(isUniqueViolation(samePhone, "idNumberIndex")).toBe(false);
    expect(isUniqueViolation(samePhone, "id")).toBe(false);

    const sameId = await errorOf(person(p.idNumber, randomPhone()));
    expect(isUniqueViolation(sameId, "idNumberIndex")).toBe(true);
    expect(isUniqueViolation(sameId, "phone")).toBe(false);

    const key = `t-${randomUUID().slice(0, 8)}`;
    await db.contentBlock.create({ data: block(key) });
    const compound = await errorOf(db.contentBlock.create({ data: block(key) }));
    expect(isUniqueViolation(compound, "key")).toBe(true);
    expect(isUniqueViolation(compound, "regionCode")).toBe(true);
    expect(isUniqueViolation(compound, "title")).toBe(false);
  });

  it("is false for anything else", async () => {
    const missing = await errorOf(
      db.person.update({ where: { id: randomUUID() }, data: { name: "无" } }),
    );
    expect(missing).toBeInstanceOf(Error);
    expect(isUniqueViolation(missing)).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
