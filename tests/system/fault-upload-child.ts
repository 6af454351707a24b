// One upload as the app receives it (lib/upload/receive-upload.ts: admission, body read, intake,
// object put, row and audit row in one transaction), in a process of its own so that
// tests/system/fault-upload-kill.test.ts can SIGKILL it at a chosen point. It reports each
// point over IPC and then, where the test means to kill it, waits:
//   "mid-body"   half the body has been read, the rest never comes;
//   "after-put"  the object is stored, the transaction not begun;
//   "in-commit"  the object is stored and the transaction goes on (the test holds a lock it
//                needs, so the process dies inside it);
//   "complete"   nothing held: the upload finishes and the process answers its attachment id.
// Started by the test with the loaders the package scripts use (see the test), with
// DATABASE_URL, the keys and KUAIJI_FAULT_STORAGE_DIR in its environment.
import { readFile } from "node:fs/promises";
import type { SessionPerson } from "@/lib/account/session-service";
import { db } from "@/lib/db/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import type { ObjectStorage } from "@/lib/storage/types";
import { receiveUpload } from "@/lib/upload/receive-upload";

type Mode = "mid-body" | "after-put" | "in-commit" | "complete";
const [mode, personId, imagePath] = process.argv.slice(2) as [Mode, string, string];

const report = (message: Record<string, unknown>) =>
  new Promise<void>((resolve) => process.send!(message, () => resolve()));
const forever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

/** The real local-disk store, reporting each put (and stopping after it where asked). */
function reportingStorage(inner: ObjectStorage): ObjectStorage {
  return {
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    exists: (key) => inner.exists(key),
    signedUrl: (key, options) => inner.signedUrl(key, options),
    list: (prefix) => inner.list(prefix),
    async put(key, body, options) {
      await inner.put(key, body, options);
      await report({ stage: "stored", key });
      if (mode === "after-put") await forever();
    },
  };
}

/** The request body: whole, or half of it and then nothing (a client still sending). */
function body(bytes: Buffer): ReadableStream<Uint8Array> {
  const half = Math.floor(bytes.length / 2);
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      if (mode !== "mid-body") {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(bytes.subarray(0, half)));
    },
    async pull() {
      if (mode === "mid-body") {
        await report({ stage: "mid-body" });
        await forever();
      }
    },
  });
}

async function main() {
  const row = await db.person.findUniqueOrThrow({ where: { id: personId } });
  const session: SessionPerson = {
    sessionId: "00000000-0000-7000-8000-000000000000",
    personId: row.id,
    name: row.name,
    idType: row.idType,
    idNumberMasked: row.idNumberMasked,
    phone: row.phone,
    regionCode: row.regionCode,
  };
  const storage = reportingStorage(new LocalDiskStorage(process.env.KUAIJI_FAULT_STORAGE_DIR!));
  const ctx = { ip: "203.0.113.40", userAgent: "vitest-fault-upload" };
  const r = await receiveUpload(
    db,
    storage,
    ctx,
    session,
    "headshot",
    body(await readFile(imagePath)),
  );
  await report({ stage: "done", result: r });
  await db.$disconnect();
}

main().catch(async (e: unknown) => {
  await report({ stage: "failed", error: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
