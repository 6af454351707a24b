import "server-only";
import type { Db } from "@/lib/db/client";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { budget, take } from "@/lib/limits/budget";

// Who may send an upload's body now, decided before a byte of it is read: each request holds up
// to 5 MB in memory and then a decode (~150 MB for 50 megapixels), so what bounds memory is how
// many bodies are being read and decoded at once, per instance — not what is refused afterwards.
//   - per instance: KUAIJI_UPLOADS_IN_FLIGHT requests past the gate (default 8); the rest 503
//     with Retry-After. The decode queue (image-intake.ts, two at a time) therefore holds at most
//     that many minus two.
//   - per person: two at a time (a form has two or three upload fields), and a budget per
//     10 minutes counted in the database before the body is read, so refused files count too.

export const UPLOADS_BUSY = "当前上传人数较多，请稍后重试";
export const UPLOAD_IN_PROGRESS = "请等待正在上传的图片完成后再上传下一张";
export const UPLOADS_TOO_FREQUENT = "上传过于频繁，请稍后再试";

/** Per person: the wizard needs 4–5 files and a few retakes; 30 in 10 minutes is far beyond. */
export const UPLOAD_LIMIT = { count: 30, windowSeconds: 10 * 60 } as const;
const PER_PERSON_AT_ONCE = 2;
const BUSY_RETRY_SECONDS = 5;

function maxInFlight(): number {
  const n = Number(process.env.KUAIJI_UPLOADS_IN_FLIGHT ?? 8);
  return Number.isInteger(n) && n > 0 ? n : 8;
}

let inFlight = 0;
const perPerson = new Map<string, number>();

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; status: 429 | 503; message: string; retryAfterSeconds: number };

export async function admitUpload(
  db: Db,
  ctx: RequestContext,
  personId: string,
  kind: string,
): Promise<Admission> {
  // Checked and taken with no await in between: parallel requests cannot pass together.
  if (inFlight >= maxInFlight()) {
    return { ok: false, status: 503, message: UPLOADS_BUSY, retryAfterSeconds: BUSY_RETRY_SECONDS };
  }
  const mine = perPerson.get(personId) ?? 0;
  if (mine >= PER_PERSON_AT_ONCE) {
    return { ok: false, status: 429, message: UPLOAD_IN_PROGRESS, retryAfterSeconds: 1 };
  }
  inFlight++;
  perPerson.set(personId, mine + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    inFlight--;
    const left = (perPerson.get(personId) ?? 1) - 1;
    if (left > 0) perPerson.set(personId, left);
    else perPerson.delete(personId);
  };

  const limiter = budget(db, "upload-person", UPLOAD_LIMIT.count, UPLOAD_LIMIT.windowSeconds);
  const allowed = await take(limiter, personId).catch((error: unknown) => {
    release();
    throw error;
  });
  if (!allowed.ok) {
    release();
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        actorType: "person",
        actorId: personId,
        action: "attachment.upload",
        outcome: "failure",
        details: { kind, reason: "rate-limit" },
      }),
    );
    return {
      ok: false,
      status: 429,
      message: UPLOADS_TOO_FREQUENT,
      retryAfterSeconds: Math.ceil(allowed.retryAfterMs / 1000),
    };
  }
  return { ok: true, release };
}
