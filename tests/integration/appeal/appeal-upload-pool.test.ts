import { afterEach, describe, expect, it } from "vitest";
import { storeAppealPhoto } from "@/lib/appeal/photo";
import { db } from "@/lib/db/client";
import { UPLOAD_TOO_SLOW } from "@/lib/upload/receive-upload";
import { admitUpload, UPLOADS_BUSY } from "@/lib/upload/upload-gate";
import { documentPageJpeg } from "../../fixtures/images/make";
import { freshClient } from "../../support/accounts";
import { ctx, tempStorageForFile } from "../../support/collection";
import { createPerson } from "../../support/person";
import { squattedAccount, startedAppeal } from "./appeal-fixture";

// Anonymous 账号申诉 photos have their own few upload slots and a shorter read deadline
// (lib/appeal/photo-gate.ts): slow bodies sent from many addresses at once fill those, and the
// accountants' shared slots (lib/upload/upload-gate.ts) stay free.

const store = tempStorageForFile();

/** A body that sends nothing until `finish` (or never). */
function slowBody() {
  let finish!: (bytes: Buffer) => void;
  const arrived = new Promise<Buffer>((r) => (finish = r));
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        controller.enqueue(new Uint8Array(await arrived));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, finish };
}

afterEach(() => {
  delete process.env.KUAIJI_APPEAL_UPLOAD_READ_SECONDS;
});

describe("appeal photos' own upload slots", () => {
  it("slow anonymous bodies from many addresses at once leave accountants' upload slots free", async () => {
    const drafts = await Promise.all(
      Array.from({ length: 5 }, async () => startedAppeal(db, await squattedAccount(db, "440106"))),
    );
    const bodies = Array.from({ length: 10 }, () => slowBody());
    const uploads = bodies.map((b, i) =>
      storeAppealPhoto(db, store.current.storage, freshClient(), {
        appealId: drafts[i % 5]!.appealId,
        token: drafts[i % 5]!.token,
        kind: i % 2 ? "id-front" : "id-back",
        body: b.stream,
      }),
    );
    // the refused ones answer at once; the admitted ones wait for their bodies
    const settled: boolean[] = bodies.map(() => false);
    uploads.forEach((u, i) => void u.finally(() => (settled[i] = true)));
    for (let i = 0; i < 100 && settled.filter(Boolean).length < 7; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const busy = (await Promise.all(uploads.filter((_, i) => settled[i]))).filter(
      (r) => !r.ok && r.status === 503 && r.message === UPLOADS_BUSY,
    );
    expect(busy).toHaveLength(7);

    const accountant = await createPerson(db);
    const admitted = await Promise.all(
      Array.from({ length: 2 }, () => admitUpload(db, ctx, accountant.id, "photo")),
    );
    expect(admitted.every((a) => a.ok)).toBe(true);
    for (const a of admitted) if (a.ok) a.release();

    const jpeg = await documentPageJpeg(800, 600);
    for (const b of bodies) b.finish(jpeg);
    const results = await Promise.all(uploads);
    expect(results.filter((r) => r.ok)).toHaveLength(3);
  });

  it("a body that has not arrived by the appeal deadline is refused as too slow and frees its slot", async () => {
    process.env.KUAIJI_APPEAL_UPLOAD_READ_SECONDS = "1";
    const draft = await startedAppeal(db, await squattedAccount(db, "440106"));
    const started = Date.now();
    const r = await storeAppealPhoto(db, store.current.storage, draft.ctx, {
      appealId: draft.appealId,
      token: draft.token,
      kind: "holding",
      body: slowBody().stream,
    });
    expect(r).toEqual({ ok: false, status: 408, message: UPLOAD_TOO_SLOW });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db.appealPhoto.count({ where: { appealId: draft.appealId } })).toBe(0);
    // its slot is free again: the same address sends the next photo at once
    const next = await storeAppealPhoto(db, store.current.storage, draft.ctx, {
      appealId: draft.appealId,
      token: draft.token,
      kind: "holding",
      body: (() => {
        const b = slowBody();
        void documentPageJpeg(800, 600).then(b.finish);
        return b.stream;
      })(),
    });
    expect(next).toMatchObject({ ok: true });
  });
});
