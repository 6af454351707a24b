import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { budget } from "@/lib/limits/budget";
import { receiveUpload, UPLOAD_TOO_SLOW } from "@/lib/upload/receive-upload";
import {
  UPLOAD_IN_PROGRESS,
  UPLOAD_LIMIT,
  UPLOADS_BUSY,
  UPLOADS_TOO_FREQUENT,
} from "@/lib/upload/upload-gate";
import { corruptedJpeg, headshotJpeg } from "../../fixtures/images/make";
import { ctx, personWithSession, tempStorage } from "../../support/collection";

// Uploads are admitted before their body is read (issue 12, 4): 200 at once from one account,
// or from many, leave memory bounded, the rest refused cleanly, nothing half-stored.

afterEach(() => {
  delete process.env.KUAIJI_UPLOADS_IN_FLIGHT;
  delete process.env.KUAIJI_UPLOAD_READ_SECONDS;
});

/** A request body that records whether the server ever read from it. */
function body(bytes: Buffer) {
  const seen = { read: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.read = true;
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    },
    // nothing is pulled until the server reads, as with a socket
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe("upload admission", () => {
  it("200 parallel uploads from one account: two at a time, the rest refused unread", async () => {
    const store = await tempStorage();
    const s = await personWithSession(db);
    const bytes = await headshotJpeg();
    const bodies = Array.from({ length: 200 }, () => body(bytes));
    const results = await Promise.all(
      bodies.map((b) => receiveUpload(db, store.storage, ctx, s, "headshot", b.stream)),
    );
    const stored = results.filter((r) => r.ok);
    expect(stored).toHaveLength(2);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(198);
    for (const r of refused) expect(r).toMatchObject({ status: 429, message: UPLOAD_IN_PROGRESS });
    expect(bodies.filter((b) => b.seen.read)).toHaveLength(2);
    // nothing half-stored: one row per object, one object per row
    expect(await db.attachment.count({ where: { personId: s.personId } })).toBe(2);
    expect(await store.files()).toHaveLength(2);
    // and the next one goes through once those are done
    expect(
      (await receiveUpload(db, store.storage, ctx, s, "headshot", body(bytes).stream)).ok,
    ).toBe(true);
    await store.remove();
  });

  it("many accounts at once: the instance admits its limit and asks the rest to come back", async () => {
    process.env.KUAIJI_UPLOADS_IN_FLIGHT = "4";
    const store = await tempStorage();
    const people = await Promise.all(Array.from({ length: 20 }, () => personWithSession(db)));
    const bytes = await headshotJpeg();
    const results = await Promise.all(
      people.map((p) => receiveUpload(db, store.storage, ctx, p, "headshot", body(bytes).stream)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const busy = results.filter((r) => !r.ok);
    expect(busy).toHaveLength(16);
    for (const r of busy)
      expect(r).toMatchObject({ status: 503, message: UPLOADS_BUSY, retryAfterSeconds: 5 });
    expect(await store.files()).toHaveLength(4);
    await store.remove();
  });

  it("gives up on a body trickled past the deadline and frees its slot", async () => {
    process.env.KUAIJI_UPLOADS_IN_FLIGHT = "1";
    process.env.KUAIJI_UPLOAD_READ_SECONDS = "1";
    const store = await tempStorage();
    const s = await personWithSession(db);
    // one byte, then nothing: the connection stays open
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([0xff]));
      },
    });
    const slow = receiveUpload(db, store.storage, ctx, s, "headshot", stalled);
    const other = await personWithSession(db);
    const meanwhile = await receiveUpload(
      db,
      store.storage,
      ctx,
      other,
      "headshot",
      body(await headshotJpeg()).stream,
    );
    expect(meanwhile).toMatchObject({ ok: false, status: 503 });
    expect(await slow).toEqual({ ok: false, status: 408, message: UPLOAD_TOO_SLOW });
    const after = await receiveUpload(
      db,
      store.storage,
      ctx,
      other,
      "headshot",
      body(await headshotJpeg()).stream,
    );
    expect(after.ok).toBe(true);
    await store.remove();
  });

  it("counts refused files against the person's budget, and refuses beyond it", async () => {
    const store = await tempStorage();
    const s = await personWithSession(db);
    const corrupt = await receiveUpload(
      db,
      store.storage,
      ctx,
      s,
      "headshot",
      body(await corruptedJpeg()).stream,
    );
    expect(corrupt).toMatchObject({ ok: false, status: 422 });
    const limiter = budget(db, "upload-person", UPLOAD_LIMIT.count, UPLOAD_LIMIT.windowSeconds);
    expect((await limiter.get(s.personId))?.consumedPoints).toBe(1);
    await limiter.penalty(s.personId, UPLOAD_LIMIT.count - 1);
    const refused = await receiveUpload(
      db,
      store.storage,
      ctx,
      s,
      "headshot",
      body(await headshotJpeg()).stream,
    );
    expect(refused).toMatchObject({ ok: false, status: 429, message: UPLOADS_TOO_FREQUENT });
    expect(
      await db.auditEvent.count({
        where: {
          action: "attachment.upload",
          actorId: s.personId,
          details: { path: ["reason"], equals: "rate-limit" },
        },
      }),
    ).toBe(1);
    // someone else is not held back
    const other = await personWithSession(db);
    expect(
      (
        await receiveUpload(
          db,
          store.storage,
          ctx,
          other,
          "headshot",
          body(await headshotJpeg()).stream,
        )
      ).ok,
    ).toBe(true);
    await store.remove();
  });
});
