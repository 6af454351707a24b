import type { Db } from "@/lib/db/client";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { startAppeal } from "@/lib/appeal/start";
import { storeAppealPhoto } from "@/lib/appeal/photo";
import { submitAppeal } from "@/lib/appeal/submit";
import { APPEAL_PHOTO_KINDS } from "@/lib/appeal/appeal-rules";
import type { RealNameVerifier } from "@/lib/appeal/real-name-port";
import type { ObjectStorage } from "@/lib/storage/types";
import { documentPageJpeg } from "../../fixtures/images/make";
import { freshClient, messagesTo, randomPhone, solvedCaptcha } from "../../support/accounts";
import { createPerson } from "../../support/person";

// 账号申诉 as the appellant goes through it, step by step through the services: the account someone
// else registered with the number, the code to the appellant's phone, the draft, the photos, 提交.

/** A request body read only when the service reads it, as a socket's. */
export function bodyOf(bytes: Buffer) {
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** An account of `regionCode`: the number's first registrant. */
export async function squattedAccount(db: Db, regionCode: string) {
  const p = await createPerson(db);
  await db.person.update({ where: { id: p.id }, data: { regionCode } });
  return { ...p, regionCode };
}

/** A code of purpose "appeal" sent to `phone` (from the outbox, as the phone would show it). */
export async function appealCode(db: Db, phone: string, now = new Date()): Promise<string> {
  const before = new Date(now.getTime() - 1);
  const r = await sendSmsCode(
    db,
    freshClient(),
    { phone, purpose: "appeal", ...(await solvedCaptcha(db, before)) },
    now,
  );
  if (!r.ok) throw new Error(`send: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return newestCode(phone);
}

/**
 * The code of the newest message to `phone`, once it is a code: the appeal's notices carry a
 * 申诉编号 whose digits `waitForCode` would take for one.
 */
export async function newestCode(phone: string, timeoutMs = 3000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const code = /验证码为(\d{6})/.exec(messagesTo(phone).at(-1) ?? "")?.[1];
    if (code) return code;
    if (Date.now() > until) throw new Error("no SMS code arrived");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The draft after 第一步, for the account's number, with a fresh phone (or `phone`). */
export async function startedAppeal(
  db: Db,
  account: { idNumber: string },
  ctx = freshClient(),
  name = "王真",
  phone = randomPhone(),
  now = new Date(),
) {
  const smsCode = await appealCode(db, phone, now);
  const r = await startAppeal(
    db,
    ctx,
    { name, idType: "RESIDENT_ID", idNumber: account.idNumber, phone, smsCode },
    now,
  );
  if (!r.ok) throw new Error(`start: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return { ...r, phone, ctx };
}

/** An appeal awaiting review: started, three photos, 提交. */
export async function submittedAppeal(
  db: Db,
  storage: ObjectStorage,
  regionCode = "440106",
  verifier: RealNameVerifier | null = null,
) {
  const account = await squattedAccount(db, regionCode);
  const draft = await startedAppeal(db, account);
  return { account, ...(await submittedDraft(db, storage, draft, verifier)) };
}

/** The draft with its three photos, submitted. */
export async function submittedDraft(
  db: Db,
  storage: ObjectStorage,
  draft: Awaited<ReturnType<typeof startedAppeal>>,
  verifier: RealNameVerifier | null = null,
) {
  const jpeg = await documentPageJpeg(800, 600);
  for (const kind of APPEAL_PHOTO_KINDS.codes) {
    const r = await storeAppealPhoto(db, storage, draft.ctx, {
      appealId: draft.appealId,
      token: draft.token,
      kind,
      body: bodyOf(jpeg),
    });
    if (!r.ok) throw new Error(`photo ${kind}: ${r.message}`);
  }
  const s = await submitAppeal(db, draft.ctx, draft, verifier);
  if (!s.ok) throw new Error(`submit: ${s.message}`);
  return { draft, appealId: draft.appealId, appealNumber: s.appealNumber };
}
