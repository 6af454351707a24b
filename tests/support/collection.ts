import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { SessionPerson } from "@/lib/account/session-service";
import { storeUpload } from "@/lib/upload/attachment-service";
import { saveStep } from "@/lib/collection/draft-service";
import type { Db } from "@/lib/db/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { documentPagePng, headshotJpeg } from "../fixtures/images/make";
import { createPerson } from "./person";

// Shared by the collection integration tests: a person with a session, a private object store,
// uploads, and step data that passes every step's schema.

export const ctx = { ip: "203.0.113.20", userAgent: "vitest" };
/** A fixed "now" (Beijing 2026-11-27 12:00). */
export const NOW = new Date("2026-11-27T04:00:00Z");

export async function tempStorage() {
  const dir = await mkdtemp(path.join(tmpdir(), "kuaiji-objects-"));
  return {
    dir,
    storage: new LocalDiskStorage(dir),
    /** Every stored object's data file (the driver keeps bytes under data/). */
    async files(): Promise<string[]> {
      const data = path.join(dir, "data");
      const all = await readdir(data, { recursive: true, withFileTypes: true }).catch(() => []);
      return all.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A temporary object store for the test file: created before its tests, removed after. */
export function tempStorageForFile() {
  const holder = {} as { current: Awaited<ReturnType<typeof tempStorage>> };
  beforeAll(async () => {
    holder.current = await tempStorage();
  });
  afterAll(() => holder.current.remove());
  return holder;
}

/** Saves the given steps in order with 下一步 from `revision`; returns the last revision. */
export async function saveAll(
  db: Db,
  s: SessionPerson,
  steps: Record<string, unknown>,
  revision = 0,
): Promise<number> {
  for (const [step, data] of Object.entries(steps)) {
    const r = await saveStep(db, ctx, s, { step, data, revision }, NOW);
    if (!r.ok) throw new Error(`${step}: ${JSON.stringify(r)}`);
    revision = r.revision;
  }
  return revision;
}

/** The session the services receive for a person's row (only personId and regionCode are read). */
export function sessionOf(row: {
  id: string;
  name: string;
  idType: string;
  idNumberMasked: string;
  phone: string;
  regionCode: string;
}): SessionPerson {
  return {
    sessionId: "00000000-0000-7000-8000-000000000000",
    personId: row.id,
    name: row.name,
    idType: row.idType,
    idNumberMasked: row.idNumberMasked,
    phone: row.phone,
    regionCode: row.regionCode,
  };
}

/** A new account and its session. */
export async function personWithSession(db: Db): Promise<SessionPerson> {
  const p = await createPerson(db);
  return sessionOf(await db.person.findUniqueOrThrow({ where: { id: p.id } }));
}

export async function upload(
  db: Db,
  storage: LocalDiskStorage,
  session: SessionPerson,
  kind: "headshot" | "document-page" | "student-card",
  now = NOW,
): Promise<string> {
  const bytes = kind === "headshot" ? await headshotJpeg() : await documentPagePng(1200, 900);
  const r = await storeUpload(db, storage, ctx, session, { kind, bytes }, now);
  if (!r.ok) throw new Error(r.message);
  return r.attachmentId;
}

/** Valid input for every data step (a 会计工作岗位 in 广州市天河区), given the personal step's files. */
export function validSteps(files: { headshot: string; front: string; back: string }) {
  return {
    notice: { truthPledge: true },
    personal: {
      ethnicGroup: "01",
      politicalStatus: "13",
      email: "chen.jing@example.com",
      headshotId: files.headshot,
      documentPageIds: { PORTRAIT: files.front, EMBLEM: files.back },
    },
    education: {
      fullTime: [
        {
          level: "21",
          degree: "BACHELOR",
          school: "中山大学",
          major: "会计学",
          enrolledOn: "2018-09",
          graduatedOn: "2022-07",
        },
      ],
      partTime: [],
    },
    work: {
      status: "ACCOUNTING_POST",
      regionCode: "440106",
      employerName: "华为技术有限公司",
      employerCreditCode: "914403001922038216",
      postKind: "HEAD_OF_ACCOUNTING",
      accountingSinceYear: 2022,
    },
    professional: {
      isCpa: false,
      isTaxAdvisor: false,
      isAssetAppraiser: false,
      abacusLevel: "LEVEL_5",
    },
    awards: { awards: [] },
  } as const;
}

export async function uploadPersonalFiles(db: Db, storage: LocalDiskStorage, s: SessionPerson) {
  return {
    headshot: await upload(db, storage, s, "headshot"),
    front: await upload(db, storage, s, "document-page"),
    back: await upload(db, storage, s, "document-page"),
  };
}
