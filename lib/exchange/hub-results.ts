import type { Refusal } from "@/lib/db/refusal";

// What the hub's services answer: data, or a refusal whose reason is the contract's error code
// (docs/exchange/openapi.yaml) and decides the HTTP status the route answers with.

export const HUB_ERROR_STATUS = {
  /** submit: the destination is not a concrete county of a registered member */
  invalid_destination: 400,
  /** submit, register: the region is not the caller's */
  invalid_region: 400,
  /** submit: an unknown document type */
  invalid_person: 400,
  /** submit: an attachment that is not the JPEG its digest names, or larger than 2 MB */
  bad_attachment: 400,
  /** the caller is not a party of this transfer */
  not_party: 403,
  /** the caller is a party, but the other party sends this event (HUB_EVENT_SENDER) */
  wrong_sender: 403,
  not_found: 404,
  /** submit: the transfer id belongs to another member's transfer */
  transfer_exists: 409,
  /** file: the transfer was withdrawn or rejected, its file is no longer handed out */
  file_unavailable: 409,
  /** register: another member holds the person's active file (it moves only by a transfer) */
  file_held_elsewhere: 409,
  /** a messageId seen before with another sender, transfer or event */
  message_conflict: 409,
} as const;

export type HubErrorCode = keyof typeof HUB_ERROR_STATUS;
export type HubFailure = Refusal<HubErrorCode>;
export type HubResult<T> = { ok: true; data: T } | HubFailure;

export function hubFailure(reason: HubErrorCode, message: string): HubFailure {
  return { ok: false, reason, message };
}

export const TRANSFER_NOT_FOUND = hubFailure("not_found", "没有这个调转");
export const NOT_PARTY = hubFailure("not_party", "不是该调转的调出地或调入地");
