// POST /api/exchange/v1/transfers — the origin submits an approved 调出申请 (hub only).
import { db } from "@/lib/db/client";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { submitTransfer } from "@/lib/exchange/hub-submit";
import { submitTransferSchema } from "@/lib/exchange/messages";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

export const POST = hubEndpoint(db, {
  body: submitTransferSchema,
  handle: ({ member, body }) => submitTransfer(db, getStorage(), member, body),
});
