// PUT /api/exchange/v1/files — the caller holds this person's active file (hub only).
import { db } from "@/lib/db/client";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { registerFile } from "@/lib/exchange/hub-registry";
import { registerFileSchema } from "@/lib/exchange/messages";

export const dynamic = "force-dynamic";

export const PUT = hubEndpoint(db, {
  body: registerFileSchema,
  handle: ({ member, body }) => registerFile(db, member, body),
});
