import "server-only";
import { clientKeys } from "@/lib/account/client-network";
import { UPLOAD_IN_PROGRESS, UPLOADS_BUSY } from "@/lib/upload/upload-gate";

// 账号申诉's photos come from anyone, so they get their own few upload slots per instance instead
// of the shared ones (lib/upload/upload-gate.ts) accountants need: anonymous bodies trickled in
// slowly can fill this pool, never theirs. Per client address two at a time, and a shorter read
// deadline than signed-in uploads (a phone photo of 5 MB at ~2 Mbit/s takes 20 s).
//   KUAIJI_APPEAL_UPLOADS_IN_FLIGHT (default 3), KUAIJI_APPEAL_UPLOAD_READ_SECONDS (default 25).

const PER_ADDRESS_AT_ONCE = 2;
const BUSY_RETRY_SECONDS = 5;

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function appealReadDeadlineMs(): number {
  return positiveInt(process.env.KUAIJI_APPEAL_UPLOAD_READ_SECONDS, 25) * 1000;
}

let inFlight = 0;
const perAddress = new Map<string, number>();

export type AppealAdmission =
  | { ok: true; release: () => void }
  | { ok: false; status: 429 | 503; message: string; retryAfterSeconds: number };

/** A slot for one appeal photo's body from this address, or why not; checked and taken at once. */
export function admitAppealUpload(ip: string | null): AppealAdmission {
  if (inFlight >= positiveInt(process.env.KUAIJI_APPEAL_UPLOADS_IN_FLIGHT, 3)) {
    return { ok: false, status: 503, message: UPLOADS_BUSY, retryAfterSeconds: BUSY_RETRY_SECONDS };
  }
  const address = clientKeys(ip).address;
  const mine = perAddress.get(address) ?? 0;
  if (mine >= PER_ADDRESS_AT_ONCE) {
    return { ok: false, status: 429, message: UPLOAD_IN_PROGRESS, retryAfterSeconds: 1 };
  }
  inFlight++;
  perAddress.set(address, mine + 1);
  let released = false;
  return {
    ok: true,
    release: () => {
      if (released) return;
      released = true;
      inFlight--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    },
  };
}

/**
 * The body, cut off `ms` after this call: reading it then fails (the intake answers 上传中断),
 * and `late()` tells the caller it was the deadline.
 */
export function cutOffAfter(body: ReadableStream<Uint8Array> | null, ms: number) {
  if (!body) return { body, late: () => false, done: () => {} };
  const source = body.getReader();
  let late = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const timer = setTimeout(() => {
    late = true;
    controller?.error(new Error("appeal photo too slow"));
    void source.cancel().catch(() => {});
  }, ms);
  const cut = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      async pull(c) {
        const { done, value } = await source.read();
        if (late) return;
        if (done) c.close();
        else c.enqueue(value);
      },
      cancel(reason) {
        clearTimeout(timer);
        return source.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { body: cut, late: () => late, done: () => clearTimeout(timer) };
}
