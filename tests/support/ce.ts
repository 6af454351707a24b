import { submitClaim } from "@/lib/ce/claims";
import { submitCollection } from "@/lib/collection/archive-service";
import { storeUpload } from "@/lib/upload/attachment-service";
import type { SessionPerson } from "@/lib/account/session-service";
import { db } from "@/lib/db/client";
import { documentPagePng } from "../fixtures/images/make";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  type tempStorageForFile,
  uploadPersonalFiles,
  validSteps,
} from "./collection";

const QUALIFICATION_2019 = {
  type: "ACCOUNTING",
  level: "INTERMEDIATE",
  method: "EXAM",
  year: 2019,
  certificateNo: "Z12345",
};

/** An exam-subject claim (90 credits) with its evidence upload. */
export const exam = (attachmentId: string, year: number | string = 2026) => ({
  kind: "EXAM",
  year,
  examName: "全国会计专业技术资格考试",
  subject: "中级会计实务",
  attachmentId,
});

/** 继续教育 fixtures on a test file's storage (tempStorageForFile). */
export function ceFixtures(store: ReturnType<typeof tempStorageForFile>) {
  /** A person whose collection is submitted: in accounting since 2022, optionally qualified 2019. */
  async function collected(opts: { qualified?: boolean } = {}) {
    const s = await personWithSession(db);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    const steps = validSteps(files);
    const professional = {
      ...steps.professional,
      qualifications: opts.qualified ? [QUALIFICATION_2019] : [],
    };
    await saveAll(db, s, { ...steps, professional });
    const r = await submitCollection(db, ctx, s, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
    // The session's region follows the archive's (440106), as after a fresh login.
    return { ...s, regionCode: "440106" } satisfies SessionPerson;
  }

  async function evidence(s: SessionPerson): Promise<string> {
    const bytes = await documentPagePng(1200, 900);
    const r = await storeUpload(
      db,
      store.current.storage,
      ctx,
      s,
      { kind: "ce-evidence", bytes },
      NOW,
    );
    if (!r.ok) throw new Error(r.message);
    return r.attachmentId;
  }

  async function claimId(s: SessionPerson, input: unknown): Promise<string> {
    const r = await submitClaim(db, ctx, s, input, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id;
  }

  return { collected, evidence, claimId };
}
