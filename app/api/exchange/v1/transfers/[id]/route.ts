// GET /api/exchange/v1/transfers/{id} — a transfer as its parties see it (hub only).
import { db } from "@/lib/db/client";
import { hubEndpoint } from "@/lib/exchange/hub-endpoint";
import { transferForParty } from "@/lib/exchange/hub-lookup";

export const dynamic = "force-dynamic";

export const GET = hubEndpoint<undefined, { id: string }>(db, {
  handle: ({ member, params }) => transferForParty(db, member, params.id),
});
