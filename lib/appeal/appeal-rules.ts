import { defineCodeTable } from "@/lib/codes/code-table";

// 账号申诉's states, photos and decision rule. Client-safe: the wizard, the status page and the
// review form run them as the services do.

/**
 * draft: the phone is verified, photos are coming (only the browser holding the draft's secret
 * may add them); pending: submitted, awaiting staff; reassigned / rejected: decided, once;
 * superseded: closed unheard because another appeal of the same account was reassigned (the
 * account left the phone this one was made against).
 */
export const APPEAL_STATES = defineCodeTable(
  [
    { code: "draft", label: "未提交" },
    { code: "pending", label: "待审核" },
    { code: "reassigned", label: "已通过（账号已改绑）" },
    { code: "rejected", label: "未通过" },
    { code: "superseded", label: "已终止（账号已按其他申诉改绑）" },
  ],
  "请选择申诉状态",
);
export type AppealState = (typeof APPEAL_STATES.codes)[number];

/** The states the review queue shows as tabs (a draft is nobody's work yet). */
export const REVIEW_STATES = ["pending", "reassigned", "rejected", "superseded"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export function isReviewState(v: unknown): v is ReviewState {
  return (REVIEW_STATES as readonly unknown[]).includes(v);
}

/** The photos an appeal needs, each once: both sides of the document and the person holding it. */
export const APPEAL_PHOTO_KINDS = defineCodeTable(
  [
    { code: "id-front", label: "证件正面照片" },
    { code: "id-back", label: "证件背面照片" },
    { code: "holding", label: "本人手持证件照片" },
  ],
  "不支持的照片类型",
);
export type AppealPhotoKind = (typeof APPEAL_PHOTO_KINDS.codes)[number];

/** Which required photos are still missing, in the form's order. */
export function missingPhotos(have: readonly string[]): AppealPhotoKind[] {
  return APPEAL_PHOTO_KINDS.codes.filter((k) => !have.includes(k));
}

/** The header of POST /api/appeal-photos that carries the draft's secret (never the URL: URLs reach logs). */
export const APPEAL_TOKEN_HEADER = "x-appeal-token";

export const APPEAL_DECISIONS = ["reassign", "reject"] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

export const MAX_DECISION_REASON = 200;
export const REJECT_REASON_REQUIRED = "请填写不通过的理由（将以短信告知申诉人）";

/** 申诉编号: SS, the Beijing date, six digits — e.g. SS20261204042317. */
export const APPEAL_NUMBER_PATTERN = /^SS\d{14}$/;

export function normalizeAppealNumber(raw: string): string {
  return raw.normalize("NFKC").trim().toUpperCase();
}
