// POST /api/exchange/v1/transfers/{id}/events — withdraw, receive or reject (hub only).
import { db } from "@/lib/db/client";
import { applyTransferEvent } from "@/lib/exchange/hub-events";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { transferEventSchema, type TransferEvent } from "@/lib/exchange/messages";

export const dynamic = "force-dynamic";

export const POST = hubEndpoint<TransferEvent, { id: string }>(db, {
  body: transferEventSchema,
  handle: ({ member, body, params }) => applyTransferEvent(db, member, params.id, body),
});
