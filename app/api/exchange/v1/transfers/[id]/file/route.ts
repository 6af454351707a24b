// GET /api/exchange/v1/transfers/{id}/file — the transferred archive, for the destination (hub only).
import { db } from "@/lib/db/client";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { transferFileForDestination } from "@/lib/exchange/hub-file";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

export const GET = hubEndpoint<undefined, { id: string }>(db, {
  handle: ({ member, params }) => transferFileForDestination(db, getStorage(), member, params.id),
});
