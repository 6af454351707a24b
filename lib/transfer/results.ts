import "server-only";
import type { Refusal } from "@/lib/db/refusal";

// What every 调转 service answers: ok with its data, or a refusal the action turns into field
// errors and a message (lib/http/action-result.ts refusalResult).
//   invalid        a field is wrong (fieldErrors at the form's dotted paths)
//   not-collected  信息采集 not complete
//   open           another application is under way
//   pending-ce     继续教育 claims await recognition (when the jurisdiction requires)
//   not-found      no such application (or not the caller's, or outside the staff member's region)
//   stale          its state changed meanwhile: the page reloads what is stored now
//   locked         the person's account cannot do this now (已调出)
//   here           省外调入 of someone whose file is already active here
//   unavailable    the national exchange cannot be reached: try again later
export type TransferRefusal =
  | (Refusal<"invalid"> & { fieldErrors: Record<string, string> })
  | Refusal<
      | "not-collected"
      | "open"
      | "pending-ce"
      | "not-found"
      | "stale"
      | "locked"
      | "here"
      | "unavailable"
      | "role"
    >;

export type TransferResult<T extends object = object> = ({ ok: true } & T) | TransferRefusal;

export type RefuseTransfer = (refusal: TransferRefusal) => never;

export const APPLICATION_NOT_FOUND = "没有找到该调转申请";

export function invalid(fieldErrors: Record<string, string>, message: string): TransferRefusal {
  return { ok: false, reason: "invalid", message, fieldErrors };
}
