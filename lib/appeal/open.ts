import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { holdsAny, type StaffActor } from "@/lib/codes/staff-roles";
import { documentTypeLabel, isDocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mask";
import { regionName } from "@/lib/region/divisions";
import { regionWithin } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import {
  APPEAL_PHOTO_KINDS,
  APPEAL_STATES,
  type AppealPhotoKind,
  type AppealState,
} from "./appeal-rules";
import { REAL_NAME_LABELS, type RealNameAnswer, realNameAnswerSchema } from "./real-name-port";

// One appeal as its reviewer sees it: what the appellant states beside the account's masked data,
// which photos there are (served by the console's photo route, each view audited), the real-name
// service's answer when one is configured. Outside the reviewer's region or role, or a draft
// nobody submitted: null, exactly like an id that does not exist.

export interface AppealForReview {
  id: string;
  appealNumber: string;
  state: AppealState;
  stateLabel: string;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  appellant: { name: string; idType: string; idNumberMasked: string; phoneMasked: string };
  account: {
    name: string;
    idType: string;
    idNumberMasked: string;
    phoneMasked: string;
    regionName: string;
    registeredAt: Date;
    collected: boolean;
  };
  photos: { kind: AppealPhotoKind; label: string }[];
  realName: (RealNameAnswer & { label: string }) | null;
}

const typeLabel = (code: string) => (isDocumentTypeCode(code) ? documentTypeLabel(code) : code);

/** The appeal's row when the reviewer may see it (the role, the region, submitted). */
async function reviewable(db: Db | Tx, reviewer: StaffActor, id: string) {
  if (!holdsAny(reviewer, ["identity-review"]) || !isUuid(id)) return null;
  const row = await db.accountAppeal.findUnique({
    where: { id },
    include: {
      person: {
        select: {
          name: true,
          idType: true,
          idNumberMasked: true,
          phone: true,
          createdAt: true,
          regionCode: true,
          archive: { select: { id: true } },
        },
      },
      photos: { select: { kind: true, storageKey: true } },
    },
  });
  // The account's region now (信息变更, 采集 and 调入 move it): its reviewers, not the old region's.
  if (!row || row.state === "draft" || !regionWithin(row.person.regionCode, reviewer.regionCodes)) {
    return null;
  }
  return row;
}

export async function appealForReview(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  id: string,
): Promise<AppealForReview | null> {
  const row = await reviewable(db, reviewer, id);
  if (!row) return null;
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "appeal.view",
      outcome: "success",
      regionCode: row.person.regionCode,
      targetType: "appeal",
      targetId: row.id,
    }),
  );
  const state = row.state as AppealState;
  const realName = realNameAnswerSchema.safeParse(row.realName);
  return {
    id: row.id,
    appealNumber: row.appealNumber ?? "",
    state,
    stateLabel: APPEAL_STATES.label(state) ?? state,
    submittedAt: row.submittedAt ?? row.createdAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    appellant: {
      name: row.name,
      idType: typeLabel(row.idType),
      idNumberMasked: row.idNumberMasked,
      phoneMasked: maskPhone(row.phone),
    },
    account: {
      name: row.person.name,
      idType: typeLabel(row.person.idType),
      idNumberMasked: row.person.idNumberMasked,
      phoneMasked: maskPhone(row.person.phone),
      regionName: regionName(row.person.regionCode) ?? row.person.regionCode,
      registeredAt: row.person.createdAt,
      collected: row.person.archive !== null,
    },
    photos: APPEAL_PHOTO_KINDS.entries
      .filter((e) => row.photos.some((p) => p.kind === e.code))
      .map((e) => ({ kind: e.code, label: e.label })),
    realName: realName.success
      ? { ...realName.data, label: REAL_NAME_LABELS[realName.data.outcome] }
      : null,
  };
}

/** The stored object of one photo for the reviewer, or null (the same as a photo that is not). */
export async function appealPhotoForReview(
  db: Db,
  reviewer: StaffActor,
  id: string,
  kind: string,
): Promise<{ storageKey: string; regionCode: string } | null> {
  if (!APPEAL_PHOTO_KINDS.is(kind)) return null;
  const row = await reviewable(db, reviewer, id);
  const photo = row?.photos.find((p) => p.kind === kind);
  return row && photo ? { storageKey: photo.storageKey, regionCode: row.person.regionCode } : null;
}

/** A photo the reviewer was served: on the audit record, like every read of personal data. */
export async function recordAppealPhotoView(
  db: Db,
  ctx: RequestContext,
  reviewer: StaffActor,
  id: string,
  kind: string,
  regionCode: string,
): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: reviewer.staffId,
      action: "appeal.photo-view",
      outcome: "success",
      regionCode,
      targetType: "appeal",
      targetId: id,
      details: { kind },
    }),
  );
}
