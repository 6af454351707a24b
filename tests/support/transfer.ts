import type { SessionPerson } from "@/lib/account/session-service";
import { db } from "@/lib/db/client";
import { applyForTransferOut } from "@/lib/transfer/out-apply";
import { storeUpload } from "@/lib/upload/attachment-service";
import { calendarFromChineseDays } from "@/lib/workdays/chinese-days";
import { documentPageJpeg } from "../fixtures/images/make";
import { ceFixtures } from "./ce";
import { ctx, NOW, type tempStorageForFile } from "./collection";

/** The holiday calendar of the years the tests run in (2026 has data; 2027 counts Mon–Fri). */
export const CALENDAR = calendarFromChineseDays([2025, 2026]);

/** 调出 fixtures on a test file's storage (tempStorageForFile). */
export function transferFixtures(store: ReturnType<typeof tempStorageForFile>) {
  const ce = ceFixtures(store);

  async function proof(s: SessionPerson): Promise<string> {
    const r = await storeUpload(
      db,
      store.current.storage,
      ctx,
      s,
      { kind: "transfer-proof", bytes: await documentPageJpeg() },
      NOW,
    );
    if (!r.ok) throw new Error(r.message);
    return r.attachmentId;
  }

  /** A valid application to 深圳市南山区 with one fresh 调转附件. */
  async function application(s: SessionPerson, over: Record<string, unknown> = {}) {
    return {
      destMember: "440300",
      destRegionCode: "440305",
      reason: "工作调动至深圳市南山区某公司",
      attachmentIds: [await proof(s)],
      ...over,
    };
  }

  async function applied(s: SessionPerson, now = NOW) {
    const r = await applyForTransferOut(db, ctx, s, await application(s), CALENDAR, now);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id;
  }

  return { ...ce, proof, application, applied };
}
