// The people `npm run bench -- --only load` works with, written straight into the fresh database
// (no HTTP: the campaign measures the load, not its setup). Half of them are 信息采集 under way —
// every step before 奖励信息 saved, so the campaign's step saves go through the whole check — and
// half have their archive (我的档案 shows it). Each has a live session and the cookie a login would
// have set (the next-auth JWT carries only the session id); everyone logs in with one password.
import { encode } from "next-auth/jwt";
import type { RequestContext } from "@/lib/audit/audit";
import { createSession, type SessionPerson } from "@/lib/account/session-service";
import { submitCollection } from "@/lib/collection/archive-service";
import type { Db } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { processUpload } from "@/lib/upload/image-intake";
import type { UploadKind } from "@/lib/upload/kinds";
import { ATTACHMENT_CONTENT_TYPE, attachmentStorageKey } from "@/lib/upload/storage-key";
import { saveAll, sessionOf, validSteps } from "../../tests/support/collection";
import { documentPagePng, headshotJpeg } from "../../tests/fixtures/images/make";
import { buildSeedAccounts } from "./accounts";

export interface LoadPerson {
  personId: string;
  idNumber: string;
  cookie: string;
  /** the draft revision the next step save names (drafters) */
  revision: number;
  /** whether an archive exists (我的档案 shows it) */
  archived: boolean;
}

const ctx: RequestContext = { ip: "198.51.100.9", userAgent: "kuaiji-bench-load" };
/** People set up at once: a handful of transactions in flight, not hundreds. */
const SETUP_CONCURRENCY = 8;

type Processed = Extract<Awaited<ReturnType<typeof processUpload>>, { ok: true }>;

async function processed(bytes: Buffer, kind: UploadKind): Promise<Processed> {
  const r = await processUpload(bytes, kind);
  if (!r.ok) throw new Error(`fixture refused: ${r.message}`);
  return r;
}

/** One stored file of the person's, as storeUpload leaves it (the image decoded only once). */
async function storeFile(
  db: Db,
  storage: ObjectStorage,
  s: SessionPerson,
  kind: UploadKind,
  file: Processed,
): Promise<string> {
  const storageKey = attachmentStorageKey();
  await storage.put(storageKey, file.jpeg, {
    contentType: ATTACHMENT_CONTENT_TYPE,
    contentLength: file.byteSize,
  });
  const now = new Date();
  const row = await db.attachment.create({
    data: {
      personId: s.personId,
      kind,
      storageKey,
      contentType: ATTACHMENT_CONTENT_TYPE,
      byteSize: file.byteSize,
      width: file.width,
      height: file.height,
      sha256: file.sha256,
      regionCode: s.regionCode,
      createdAt: now,
      orphanedAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

/** Every seed account (scripts/bench/accounts.ts), half drafting, half archived. */
export async function prepareLoadPeople(db: Db, storage: ObjectStorage): Promise<LoadPerson[]> {
  const accounts = await buildSeedAccounts();
  const rows = await db.person.createManyAndReturn({ data: accounts.map((a) => a.data) });
  const byPhone = new Map(rows.map((r) => [r.phone, r]));
  const [headshot, page] = await Promise.all([
    headshotJpeg().then((b) => processed(b, "headshot")),
    documentPagePng(1200, 900).then((b) => processed(b, "document-page")),
  ]);
  const secret = process.env.NEXTAUTH_SECRET!;
  const people: LoadPerson[] = [];
  const prepare = async ({ idNumber, data }: (typeof accounts)[number], archived: boolean) => {
    const s = sessionOf(byPhone.get(data.phone)!);
    const files = {
      headshot: await storeFile(db, storage, s, "headshot", headshot),
      front: await storeFile(db, storage, s, "document-page", page),
      back: await storeFile(db, storage, s, "document-page", page),
    };
    const { awards, ...before } = validSteps(files);
    const revision = await saveAll(db, s, archived ? { ...before, awards } : before);
    if (archived) {
      const r = await submitCollection(db, ctx, s, new Date());
      if (!r.ok) throw new Error(`setup submit refused: ${r.message}`);
    }
    const sessionId = await db.$transaction((tx) =>
      createSession(tx, { personId: s.personId }, ctx),
    );
    const jwt = await encode({ token: { sub: s.personId, sid: sessionId }, secret });
    people.push({
      personId: s.personId,
      idNumber,
      cookie: `next-auth.session-token=${jwt}`,
      revision,
      archived,
    });
  };
  const queue = accounts.map((a, i) => () => prepare(a, i % 2 === 1));
  await Promise.all(
    Array.from({ length: SETUP_CONCURRENCY }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
  return people;
}
