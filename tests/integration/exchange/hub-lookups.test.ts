// What the destination finds and downloads, and the person-file registry.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { applyTransferEvent } from "@/lib/exchange/hub-events";
import { transferFileForDestination } from "@/lib/exchange/hub-file";
import { lookupTransfers } from "@/lib/exchange/hub-lookup";
import { findFileElsewhere, registerFile } from "@/lib/exchange/hub-registry";
import { submitTransfer } from "@/lib/exchange/hub-submit";
import { tempStorage } from "../../support/collection";
import {
  attachment,
  BJ,
  ensureMembers,
  event,
  GD,
  JPEG,
  submission,
  SZ,
  uniqueIdNumber,
} from "./support";

let store: Awaited<ReturnType<typeof tempStorage>>;
beforeAll(async () => {
  store = await tempStorage();
  await ensureMembers(db);
});
afterAll(() => store.remove());

async function submitted(input = submission()) {
  const r = await submitTransfer(db, store.storage, GD, input);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return input.transfer;
}

describe("lookup by the destination", () => {
  it("finds the open transfers to the caller when 姓名 and 证件号码 both match", async () => {
    const t = await submitted();
    const { idNumber } = t.person;
    const found = await lookupTransfers(db, SZ, {
      name: "张 三",
      idNumber: idNumber.toLowerCase(),
    });
    expect(found).toMatchObject({ ok: true, data: { transfers: [{ id: t.id, name: "张三" }] } });
    for (const miss of [
      lookupTransfers(db, SZ, { name: "李四", idNumber }),
      lookupTransfers(db, SZ, { name: "张三", idNumber: uniqueIdNumber() }),
      lookupTransfers(db, GD, { name: "张三", idNumber }),
      lookupTransfers(db, BJ, { name: "张三", idNumber }),
    ]) {
      expect(await miss).toEqual({ ok: true, data: { transfers: [] } });
    }
    await applyTransferEvent(db, GD, t.id, event("withdraw"));
    expect(await lookupTransfers(db, SZ, { name: "张三", idNumber })).toEqual({
      ok: true,
      data: { transfers: [] },
    });
  });
});

describe("the phone the destination proved", () => {
  it("says whether it is the phone the origin holds, without handing that phone out", async () => {
    const input = submission();
    input.transfer.person.phone = "13700137000";
    const t = await submitted(input);
    const matches = async (phone?: string) => {
      const r = await lookupTransfers(db, SZ, { name: "张三", idNumber: t.person.idNumber, phone });
      if (!r.ok) throw new Error(JSON.stringify(r));
      expect(JSON.stringify(r.data)).not.toContain("13700137000");
      return r.data.transfers.map((x) => x.phoneMatches);
    };
    expect(await matches("13700137000")).toEqual([true]);
    expect(await matches("13900139000")).toEqual([false]);
    expect(await matches(undefined)).toEqual([undefined]);
  });
});

describe("file download", () => {
  it("gives the destination the snapshot and the attachments' bytes", async () => {
    const second = Buffer.concat([JPEG, Buffer.from("second")]);
    const input = submission();
    input.transfer.file.attachments = [attachment(), attachment(second, "idFront")];
    const t = await submitted(input);
    const r = await transferFileForDestination(db, store.storage, SZ, t.id);
    expect(r).toEqual({ ok: true, data: input.transfer.file });
  });

  it("refuses the origin, strangers, unknown ids, and files of withdrawn transfers", async () => {
    const t = await submitted();
    expect(await transferFileForDestination(db, store.storage, GD, t.id)).toMatchObject({
      reason: "not_party",
    });
    expect(await transferFileForDestination(db, store.storage, BJ, t.id)).toMatchObject({
      reason: "not_party",
    });
    expect(await transferFileForDestination(db, store.storage, SZ, randomUUID())).toMatchObject({
      reason: "not_found",
    });
    await applyTransferEvent(db, GD, t.id, event("withdraw"));
    expect(await transferFileForDestination(db, store.storage, SZ, t.id)).toMatchObject({
      reason: "file_unavailable",
    });
  });
});

describe("person-file registry", () => {
  it("tells other members where the file is, and not the member holding it", async () => {
    const idNumber = uniqueIdNumber();
    const register = { messageId: randomUUID(), idNumber, regionCode: "440106" };
    expect(await registerFile(db, GD, register)).toEqual({ ok: true, data: { ok: true } });
    expect(await registerFile(db, GD, register)).toEqual({ ok: true, data: { ok: true } });
    expect(await findFileElsewhere(db, SZ, { idNumber })).toEqual({
      ok: true,
      data: {
        file: {
          member: GD,
          memberName: "广东省",
          regionCode: "440106",
          regionName: "广东省广州市天河区",
        },
      },
    });
    expect(await findFileElsewhere(db, GD, { idNumber })).toEqual({
      ok: true,
      data: { file: null },
    });
    expect(await findFileElsewhere(db, SZ, { idNumber: uniqueIdNumber() })).toEqual({
      ok: true,
      data: { file: null },
    });
    // The holder moves within its own jurisdiction.
    await registerFile(db, GD, { messageId: randomUUID(), idNumber, regionCode: "440604" });
    expect(await findFileElsewhere(db, BJ, { idNumber })).toMatchObject({
      data: { file: { member: GD, regionCode: "440604" } },
    });
  });

  it("never lets a registration take a file another member holds, nor one outside the caller", async () => {
    const idNumber = uniqueIdNumber();
    await registerFile(db, GD, { messageId: randomUUID(), idNumber, regionCode: "440106" });
    expect(
      await registerFile(db, SZ, { messageId: randomUUID(), idNumber, regionCode: "440304" }),
    ).toMatchObject({ ok: false, reason: "file_held_elsewhere" });
    expect(
      await registerFile(db, SZ, {
        messageId: randomUUID(),
        idNumber: uniqueIdNumber(),
        regionCode: "440106",
      }),
    ).toMatchObject({ ok: false, reason: "invalid_region" });
    expect(await findFileElsewhere(db, SZ, { idNumber })).toMatchObject({
      data: { file: { member: GD } },
    });
  });

  it("follows a received transfer, so a late registration by the origin cannot pull it back", async () => {
    const t = await submitted();
    const { idNumber } = t.person;
    await applyTransferEvent(db, SZ, t.id, event("receive"));
    expect(await findFileElsewhere(db, GD, { idNumber })).toMatchObject({
      data: { file: { member: SZ, regionCode: "440304", regionName: "广东省深圳市福田区" } },
    });
    expect(
      await registerFile(db, GD, { messageId: randomUUID(), idNumber, regionCode: "440106" }),
    ).toMatchObject({ ok: false, reason: "file_held_elsewhere" });
  });
});
