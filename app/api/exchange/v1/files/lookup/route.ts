// POST /api/exchange/v1/files/lookup — another member holding the person's file (hub only).
import { db } from "@/lib/db/client";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { findFileElsewhere } from "@/lib/exchange/hub-registry";
import { fileLookupSchema } from "@/lib/exchange/messages";

export const dynamic = "force-dynamic";

export const POST = hubEndpoint(db, {
  body: fileLookupSchema,
  handle: ({ member, body }) => findFileElsewhere(db, member, body),
});
