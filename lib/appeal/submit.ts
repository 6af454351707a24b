import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { decryptField } from "@/lib/crypto/field-cipher";
import { isUniqueViolation, type Refusal, refusableTransaction } from "@/lib/db/refusal";
import { APPEAL_PHOTO_KINDS, missingPhotos } from "./appeal-rules";
import { newAppealNumber } from "./appeal-number";
import { DRAFT_EXPIRED, openDraft } from "./draft";
import { appealTexts, sendAppealNotice } from "./notify";
import { checkRealName, type RealNameVerifier } from "./real-name-port";

// 账号申诉 提交: the draft with its three photos becomes an appeal awaiting the staff of the
// account's region, with its 申诉编号 (shown, and sent to the phone).

export type SubmitAppealResult =
  { ok: true; appealNumber: string } | Refusal<"expired" | "photos-missing">;

export async function submitAppeal(
  db: Db,
  ctx: RequestContext,
  input: { appealId: string; token: string },
  verifier: RealNameVerifier | null,
  now = new Date(),
): Promise<SubmitAppealResult> {
  const draft = await openDraft(db, input.appealId, input.token, now);
  if (!draft) return { ok: false, reason: "expired", message: DRAFT_EXPIRED };
  const missing = missingPhotos(draft.photos.map((p) => p.kind));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: "photos-missing",
      message: "",
      fieldErrors: Object.fromEntries(
        missing.map((k) => [k, `请上传${APPEAL_PHOTO_KINDS.label(k)}`]),
      ),
    };
  }
  const realName = await checkRealName(
    verifier,
    { name: draft.name, idType: draft.idType, idNumber: decryptField(draft.idNumberCipher) },
    now,
  );
  // A random number may, rarely, be taken: the unique index says so, and another is drawn.
  for (let attempt = 0; ; attempt++) {
    const appealNumber = newAppealNumber(now);
    try {
      const r = await refusableTransaction<SubmitAppealResult>(db, async (tx, refuse) => {
        // The phone the account has now: the decision refuses once it differs (decide.ts).
        const person = await tx.person.findUniqueOrThrow({
          where: { id: draft.personId },
          select: { phone: true },
        });
        const submitted = await tx.accountAppeal.updateMany({
          where: { id: draft.id, state: "draft" },
          data: {
            state: "pending",
            appealNumber,
            accountPhone: person.phone,
            submittedAt: now,
            realName: realName ?? undefined,
          },
        });
        // a second 提交 of the same draft (a double click, two tabs): the first one holds
        if (submitted.count !== 1) refuse({ ok: false, reason: "expired", message: DRAFT_EXPIRED });
        await writeAudit(tx, ctx, {
          actorType: "anonymous",
          action: "appeal.submit",
          outcome: "success",
          regionCode: draft.regionCode,
          targetType: "appeal",
          targetId: draft.id,
          details: { appealNumber, realName: realName?.outcome ?? "off" },
        });
        return { ok: true, appealNumber };
      });
      if (r.ok) await sendAppealNotice(draft.phone, appealTexts.submitted(r.appealNumber));
      return r;
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, "appealNumber")) continue;
      throw error;
    }
  }
}
