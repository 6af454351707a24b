import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sweepUnreferencedObjects } from "@/lib/upload/object-sweep";
import { attachmentStorageKey } from "@/lib/upload/storage-key";
import { personWithSession, tempStorage, upload } from "../../support/collection";
import { submittedAppeal } from "../appeal/appeal-fixture";

// upload-object-sweep deletes the objects of settled months that nothing names: an attachment's
// object and a 账号申诉 photo (same prefix, its own table) are named and stay.

describe("upload-object-sweep", () => {
  it("keeps what an Attachment or an AppealPhoto names and deletes the rest", async () => {
    const store = await tempStorage();
    const person = await personWithSession(db);
    const attachmentId = await upload(db, store.storage, person, "headshot");
    const attachment = await db.attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    const { appealId } = await submittedAppeal(db, store.storage);
    const photos = await db.appealPhoto.findMany({ where: { appealId } });
    expect(photos).toHaveLength(3);
    // left by a process killed between its put and its row, in both months the sweep looks at
    const strays = [attachmentStorageKey(attachment.createdAt), attachmentStorageKey(new Date())];
    for (const key of strays)
      await store.storage.put(key, Buffer.from("x"), { contentType: "image/jpeg" });

    // a month later than both, so both have settled
    const later = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 15));
    const r = await sweepUnreferencedObjects(db, store.storage, later, 86_400_000);
    expect(r.deleted).toBe(2);
    const exists = async (key: string) => {
      const o = await store.storage.get(key);
      o?.body.destroy();
      return o !== null;
    };
    for (const key of strays) expect(await exists(key)).toBe(false);
    for (const key of [attachment.storageKey, ...photos.map((p) => p.storageKey)])
      expect(await exists(key)).toBe(true);
    await store.remove();
  });
});
