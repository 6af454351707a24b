// POST /api/exchange/v1/transfers/lookup — open transfers to the caller for one person (hub only).
import { db } from "@/lib/db/client";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { lookupTransfers } from "@/lib/exchange/hub-lookup";
import { transferLookupSchema } from "@/lib/exchange/messages";

export const dynamic = "force-dynamic";

export const POST = hubEndpoint(db, {
  body: transferLookupSchema,
  handle: ({ member, body }) => lookupTransfers(db, member, body),
});
