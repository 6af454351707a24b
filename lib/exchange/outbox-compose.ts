import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Refusal } from "@/lib/db/refusal";
import type { HttpMethod } from "./client";
import { OUTBOX_KINDS, type OutboxKind } from "./messages";
import { unsendable, type OutboxRefusal } from "./outbox-refusal";

// A claimed outbox row made ready to send (outbox.ts). Most kinds store their body; a kind with
// `stored` in messages.ts OUTBOX_KINDS (transfer.submit, file.register) stores only a reference,
// and its body — the 证件号码, the archive's attachments — is composed now, by a composer the
// domain hands in (lib/exchange never imports lib/transfer), so personal data never rests in the
// outbox. The composed body is checked against the contract here, as enqueue checks a stored one.

/** An outbox row as its handlers see it: `stored` is what the row keeps (body or reference). */
export interface OutboxMessageRef {
  id: string;
  recipient: string;
  kind: OutboxKind;
  transferId: string | null;
  /** 1 on the first try */
  attempts: number;
  stored: Record<string, unknown>;
}

/** A claimed message, ready to send: its route and signed body come from OUTBOX_KINDS. */
export interface OutgoingMessage extends OutboxMessageRef {
  method: HttpMethod;
  path: string;
  /** the body without messageId + messageId */
  body: Record<string, unknown>;
  answer: z.ZodType;
}

/**
 * A composer's answer: the body without messageId, or why it cannot be built — for good (the
 * message ends as refused, status null). Throwing means "not now" (storage down): tried again.
 */
export type ComposeResult = { ok: true; body: Record<string, unknown> } | Refusal;

export type Composers = {
  [K in OutboxKind]?: (db: Db, message: OutboxMessageRef) => Promise<ComposeResult>;
};

export type Prepared =
  | { kind: "ready"; message: OutgoingMessage }
  | { kind: "refused"; refusal: OutboxRefusal; lastError: string }
  | { kind: "retry"; lastError: string };

export async function prepare(
  db: Db,
  ref: OutboxMessageRef,
  composers: Composers = {},
): Promise<Prepared> {
  const route = OUTBOX_KINDS[ref.kind];
  let body = ref.stored;
  if ("stored" in route) {
    const composed = await compose(db, ref, composers);
    if (composed.kind !== "ready") return composed;
    body = composed.body;
  }
  const checked = route.body.safeParse({ ...body, messageId: ref.id });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = `${issue?.path.join(".") || "(body)"} ${issue?.message ?? ""}`.trim();
    return {
      kind: "refused",
      refusal: unsendable("invalid_body", "报文不符合接口约定"),
      lastError: `invalid body: ${where}`,
    };
  }
  return {
    kind: "ready",
    message: {
      ...ref,
      method: route.method,
      path: route.path(ref.transferId ?? ""),
      body: checked.data as Record<string, unknown>,
      answer: route.answer,
    },
  };
}

async function compose(
  db: Db,
  ref: OutboxMessageRef,
  composers: Composers,
): Promise<
  { kind: "ready"; body: Record<string, unknown> } | Exclude<Prepared, { kind: "ready" }>
> {
  const composer = composers[ref.kind];
  // A deployment without the domain's composer is a bug to mend, not the message's fault.
  if (!composer) return { kind: "retry", lastError: `no composer for ${ref.kind}` };
  let result: ComposeResult;
  try {
    result = await composer(db, ref);
  } catch (error) {
    const type = error instanceof Error ? error.name : typeof error;
    return { kind: "retry", lastError: `compose failed: ${type}` };
  }
  if (!result.ok) {
    return {
      kind: "refused",
      refusal: unsendable(result.reason, result.message),
      lastError: `not composed: ${result.reason}`,
    };
  }
  return { kind: "ready", body: result.body };
}
