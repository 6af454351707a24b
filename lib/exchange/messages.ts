import "server-only";
import { z } from "zod";
import { HUB_EVENTS, HUB_TRANSFER_STATES } from "./hub-states";

// The wire contract between a provincial platform and the national exchange (issue 10, "The
// exchange (hub)"): every path and every body, parsed with these schemas on both ends. Every
// request is signed (signing.ts): a platform signs for the hub with audience "hub", the hub
// signs its notifications to a platform with audience "member", both with that member's secret.
// docs/exchange/openapi.yaml documents the same contract for other implementers.
//
// Messages that change state carry a `messageId` (the sender's OutboxMessage id): receivers
// apply each message once (InboxMessage) and answer a repeat with the same result.

export const EXCHANGE_API = "/api/exchange/v1";

/** The hub's endpoints. */
export const HUB_PATHS = {
  /** POST SubmitTransfer → TransferAnswer (origin; the same id again is the same transfer) */
  transfers: `${EXCHANGE_API}/transfers`,
  /** GET → TransferAnswer (either party) */
  transfer: (id: string) => `${EXCHANGE_API}/transfers/${id}`,
  /** POST TransferEvent → EventAnswer (withdraw: origin; receive, reject: destination) */
  events: (id: string) => `${EXCHANGE_API}/transfers/${id}/events`,
  /** GET → TransferFile (destination, while submitted or received) */
  file: (id: string) => `${EXCHANGE_API}/transfers/${id}/file`,
  /** POST TransferLookup → LookupAnswer: open transfers to the caller for one person */
  lookup: `${EXCHANGE_API}/transfers/lookup`,
  /** PUT RegisterFile → { ok: true }: the caller holds this person's active file */
  files: `${EXCHANGE_API}/files`,
  /** POST FileLookup → FileAnswer: another member holding the person's active file */
  fileLookup: `${EXCHANGE_API}/files/lookup`,
} as const;

/** A member platform's endpoint the hub calls. */
export const MEMBER_PATHS = {
  /** POST Notification → { ok: true }: a transfer the member is party to reached a state */
  notifications: `${EXCHANGE_API}/notifications`,
} as const;

const memberCode = z.string().regex(/^\d{6}$/);
const regionCode = z.string().regex(/^\d{6}$/);
const isoTime = z.iso.datetime({ offset: true });
const hubState = z.enum(HUB_TRANSFER_STATES.codes);

export const personIdentitySchema = z.object({
  name: z.string().min(1).max(100),
  /** lib/identity/document-types.ts code */
  idType: z.string().min(1).max(20),
  idNumber: z.string().min(1).max(40),
  /**
   * The mobile number the origin holds for the person: the destination's 省外调入 proves a phone
   * by SMS, and the hub tells it whether that is this one (lookup's phoneMatches) — the proof
   * that the person applying is the person who left.
   */
  phone: z.string().regex(/^1\d{10}$/),
});

/** A file of the archive; `role` is where the snapshot refers to it (ArchiveVersionAttachment). */
export const transferAttachmentSchema = z.object({
  role: z.string().min(1).max(100),
  contentType: z.literal("image/jpeg"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** base64 of the JPEG bytes (each ≤ 2 MB before encoding) */
  data: z.base64().max(3_000_000),
});

/** The archive as it leaves the origin: its latest snapshot and the files it refers to. */
export const transferFileSchema = z.object({
  /** lib/collection/archive-service.ts snapshot; the receiver parses it with parseSnapshot */
  snapshot: z.record(z.string(), z.unknown()),
  attachments: z.array(transferAttachmentSchema).max(40),
});
export type TransferFile = z.infer<typeof transferFileSchema>;

export const submitTransferSchema = z.object({
  messageId: z.uuid(),
  transfer: z.object({
    id: z.uuid(),
    destMember: memberCode,
    destRegionCode: regionCode,
    originRegionCode: regionCode,
    /** e.g. 广东省广州市天河区 */
    originRegionName: z.string().min(1).max(100),
    person: personIdentitySchema,
    approvedAt: isoTime,
    file: transferFileSchema,
  }),
});
export type SubmitTransfer = z.infer<typeof submitTransferSchema>;

/** What either party may see of a transfer. */
export const transferViewSchema = z.object({
  id: z.uuid(),
  originMember: memberCode,
  originName: z.string(),
  originRegionCode: regionCode,
  originRegionName: z.string(),
  destMember: memberCode,
  destRegionCode: regionCode,
  name: z.string(),
  idNumberMasked: z.string(),
  state: hubState,
  submittedAt: isoTime,
  decidedAt: isoTime.nullable(),
});
export type TransferView = z.infer<typeof transferViewSchema>;

export const transferAnswerSchema = z.object({ transfer: transferViewSchema });

export const transferEventSchema = z.object({
  messageId: z.uuid(),
  event: z.enum(HUB_EVENTS),
  /** reject: why the destination does not receive the file */
  reason: z.string().max(500).optional(),
});
export type TransferEvent = z.infer<typeof transferEventSchema>;

/** applied: the event changed the state; repeat: already so; refused: another outcome won. */
export const eventAnswerSchema = z.object({
  outcome: z.enum(["applied", "repeat", "refused"]),
  state: hubState,
  reason: z.enum(["already_received", "already_withdrawn", "already_rejected"]).optional(),
  message: z.string().optional(),
});
export type EventAnswer = z.infer<typeof eventAnswerSchema>;

export const transferLookupSchema = z.object({
  name: z.string().min(1).max(100),
  idNumber: z.string().min(1).max(40),
  /** the phone the person proved at the destination; the answer says whether the origin's matches */
  phone: z.string().max(20).optional(),
});
export const lookupAnswerSchema = z.object({
  transfers: z.array(
    transferViewSchema.extend({
      /** asked with a phone: whether it is the one the origin sent */
      phoneMatches: z.boolean().optional(),
    }),
  ),
});
export type LookedUpTransfer = z.infer<typeof lookupAnswerSchema>["transfers"][number];

export const registerFileSchema = z.object({
  messageId: z.uuid(),
  idNumber: z.string().min(1).max(40),
  regionCode,
});

export const fileLookupSchema = z.object({ idNumber: z.string().min(1).max(40) });
export const fileAnswerSchema = z.object({
  file: z
    .object({
      member: memberCode,
      memberName: z.string(),
      regionCode,
      regionName: z.string(),
    })
    .nullable(),
});

export const notificationSchema = z.object({
  messageId: z.uuid(),
  transferId: z.uuid(),
  /** which side of the transfer the addressee is */
  role: z.enum(["origin", "destination"]),
  state: hubState,
  at: isoTime,
});
export type Notification = z.infer<typeof notificationSchema>;

/** The answer of PUT files and POST notifications. */
export const okAnswerSchema = z.object({ ok: z.literal(true) });

/** Every refusal, with its HTTP status (400 bad body, 401 signature, 403 not a party, 404, 409). */
export const errorAnswerSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/**
 * What the outbox stores of a message whose body carries personal data or files (`stored` below):
 * a reference, the body composed from it when the message is sent (lib/exchange/outbox.ts
 * Composers). A transfer.submit needs nothing but its row's transferId; a file.register names
 * the person. Strict, so a caller cannot slip the whole body into the row.
 */
const submitReferenceSchema = z.strictObject({});
const registerReferenceSchema = z.strictObject({ personId: z.uuid(), regionCode });

/**
 * The messages that travel through the outbox (OutboxMessage.kind): where each goes, what its
 * body is and what answer it expects. The stored payload is the body without `messageId`, which
 * is the outbox row's id (lib/exchange/outbox.ts adds it when sending) — or, for a kind with
 * `stored`, only that reference: its body (证件号码, attachments) is composed at send time and
 * never rests in the outbox.
 */
export const OUTBOX_KINDS = {
  /** platform → hub: an approved 调出申请 */
  "transfer.submit": {
    method: "POST",
    path: () => HUB_PATHS.transfers,
    body: submitTransferSchema,
    stored: submitReferenceSchema,
    answer: transferAnswerSchema,
  },
  /** platform → hub: withdraw (origin), receive or reject (destination) */
  "transfer.event": {
    method: "POST",
    path: (transferId: string) => HUB_PATHS.events(transferId),
    body: transferEventSchema,
    answer: eventAnswerSchema,
  },
  /** platform → hub: the platform holds this person's active file */
  "file.register": {
    method: "PUT",
    path: () => HUB_PATHS.files,
    body: registerFileSchema,
    stored: registerReferenceSchema,
    answer: okAnswerSchema,
  },
  /** hub → member: a transfer the member is party to reached a final state */
  "transfer.outcome": {
    method: "POST",
    path: () => MEMBER_PATHS.notifications,
    body: notificationSchema,
    answer: okAnswerSchema,
  },
} as const;
export type OutboxKind = keyof typeof OUTBOX_KINDS;
