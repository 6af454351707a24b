import "server-only";
import type { Refusal } from "@/lib/db/refusal";
import type { ExchangeFailure } from "./client";

// When a message's failure is final (outbox.ts): the recipient read it and refused it, and
// sending the same bytes again can only be refused again — or it never got a body to send. Such
// a message is marked failed (OutboxMessage.failedAt) and handed to its kind's onRefusal handler
// instead of being retried for ever; everything else is retried with backoff.
//
// Final: a 4xx the recipient itself answered, in the contract's error shape — 400 invalid body
// or region, 403 not a party, 404 no such transfer, 409 conflict, 413 too large
// (lib/exchange/hub-results.ts, http.ts, verify-route.ts).
// Retried:
// - 5xx, no answer (network), and a 2xx that breaks the contract (bad_answer): the other side
//   or the way to it is ill, not the message;
// - 408 and 429 (too slow, too many), 425: ask again later, by definition;
// - 401: the signature was refused (clock off, secret rotated, member not yet registered) — the
//   operators' configuration, not the message; once mended, the same message goes through;
// - a 4xx without the contract's body (client.ts names it `http_<status>`): a proxy or a wrong
//   base URL answered, not the recipient;
// - not_hub / not_member: a hub URL that points at a platform (hub-endpoint.ts), or a member's
//   base URL that points at the hub (the notifications route).

/** A message ended for good. `status` null: it never left (its body could not be composed). */
export interface OutboxRefusal<R extends string = string> extends Refusal<R> {
  status: number | null;
}

const RETRIED_STATUSES = new Set([401, 408, 425, 429]);
const RETRIED_CODES = new Set(["not_hub", "not_member"]);

/** The recipient's final refusal in `failure`, or null when the message is to be tried again. */
export function recipientRefusal(failure: ExchangeFailure): OutboxRefusal | null {
  if (failure.kind !== "http") return null;
  const { status, code, message } = failure;
  if (status < 400 || status > 499 || RETRIED_STATUSES.has(status)) return null;
  if (code === `http_${status}` || RETRIED_CODES.has(code)) return null;
  return { ok: false, reason: code, message, status };
}

/** A body that could not be composed or breaks the contract: it would never be accepted. */
export function unsendable(reason: string, message: string): OutboxRefusal {
  return { ok: false, reason, message, status: null };
}
