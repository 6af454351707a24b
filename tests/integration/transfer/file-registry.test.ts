import { describe, expect, it } from "vitest";
import { registerPerson } from "@/lib/account/register-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { submitCollection } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import { fileHeldElsewhere, heldElsewhereMessage } from "@/lib/transfer/file-registry";
import { platformComposers } from "@/lib/transfer/outbox-bodies";
import {
  latestCodeFor,
  randomPhone,
  randomResidentId,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";

const store = tempStorageForFile();

/** A hub answering files/lookup (responses are not signed: the request is). */
const hubSaying = (file: unknown) =>
  (async () => Response.json({ file })) as unknown as typeof fetch;

describe("the exchange's registry of active files", () => {
  it("refuses a registration whose file another platform holds, after the SMS code", async () => {
    const phone = randomPhone();
    await sendSmsCode(
      db,
      { ...ctx, ip: "198.51.100.77" },
      {
        phone,
        purpose: "register",
        ...(await solvedCaptcha(db)),
      },
    );
    const message = heldElsewhereMessage("广东省深圳市南山区");
    const r = await registerPerson(
      db,
      ctx,
      {
        name: "王芳",
        idType: "RESIDENT_ID",
        idNumber: randomResidentId(),
        phone,
        smsCode: latestCodeFor(phone)!,
        password: STRONG_PASSWORD,
      },
      NOW,
      async () => message,
    );
    // Said at 证件号码 (fieldRefusal), not above the form.
    expect(r).toMatchObject({
      ok: false,
      reason: "held-elsewhere",
      fieldErrors: { idNumber: message },
    });
    expect(await db.person.count({ where: { phone } })).toBe(0);
  });

  it("reads the hub's answer, and lets a registration go on when the hub cannot be reached", async () => {
    const held = {
      member: "440300",
      memberName: "深圳市",
      regionCode: "440305",
      regionName: "广东省深圳市南山区",
    };
    expect(await fileHeldElsewhere("440106199001011234", { fetch: hubSaying(held) })).toBe(
      "您已在广东省深圳市南山区完成信息采集，请先在原平台办理调出，再到本平台办理“省外调入”",
    );
    expect(await fileHeldElsewhere("440106199001011234", { fetch: hubSaying(null) })).toBeNull();
    // The test environment's hub is a closed port.
    expect(await fileHeldElsewhere("440106199001011234")).toBeNull();
  });

  it("registers a collected file with the exchange in the submit's transaction", async () => {
    const s = await personWithSession(db);
    await saveAll(db, s, validSteps(await uploadPersonalFiles(db, store.current.storage, s)));
    const r = await submitCollection(db, ctx, s, NOW, true);
    expect(r.ok).toBe(true);
    const person = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
    const idNumber = decryptField(person.idNumberCipher);
    const [message] = await db.outboxMessage.findMany({
      where: { kind: "file.register", payload: { path: ["personId"], equals: s.personId } },
    });
    expect(message).toMatchObject({ recipient: "hub", deliveredAt: null });
    // Only the reference is stored; the number is read from the person when the message is sent.
    expect(message!.payload).toEqual({ personId: s.personId, regionCode: "440106" });
    expect(JSON.stringify(message)).not.toContain(idNumber);
    const composed = await platformComposers(store.current.storage)["file.register"]!(db, {
      id: message!.id,
      recipient: "hub",
      kind: "file.register",
      transferId: null,
      attempts: 1,
      stored: message!.payload as Record<string, unknown>,
    });
    expect(composed).toEqual({ ok: true, body: { idNumber, regionCode: "440106" } });
  });
});
