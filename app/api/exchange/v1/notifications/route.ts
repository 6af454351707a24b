import { after as afterResponse } from "next/server";
import { db } from "@/lib/db/client";
import { isHub } from "@/lib/exchange/config";
import { errorResponse, jsonResponse, parseBody } from "@/lib/exchange/http";
import { firstDelivery } from "@/lib/exchange/inbox";
import { notificationSchema } from "@/lib/exchange/messages";
import { verifyExchangeRequest } from "@/lib/exchange/verify-route";
import { getStorage } from "@/lib/storage/storage";
import { applyHubState } from "@/lib/transfer/hub-outcomes-apply";
import { hubExchange } from "@/lib/transfer/hub-exchange";

export const dynamic = "force-dynamic";

/**
 * The hub's notification that a transfer this platform is party to reached a state (signed with
 * this platform's secret, audience "member"). Applied once per message id (InboxMessage, in the
 * same transaction as the state); a repeat is answered like the first.
 */
export async function POST(request: Request) {
  // A member's base URL that points at the hub: a configuration to mend, not a message to drop.
  if (isHub()) return errorResponse(404, "not_member", "本实例是全国平台，不是成员平台");
  const verified = await verifyExchangeRequest(db, request, { audience: "member" });
  if (!verified.ok) return verified.response;
  const parsed = parseBody(verified.text, notificationSchema);
  if (!parsed.ok) return parsed.response;
  const n = parsed.data;
  const effects = { db, storage: getStorage(), exchange: hubExchange() };
  const after = await db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, { id: n.messageId, sender: "hub", kind: "transfer.outcome" })))
      return null;
    return applyHubState(tx, effects, n.role, n.transferId, n.state, new Date());
  });
  // The SMS and a receipt's file import run after the answer: the hub need not wait for them.
  if (after) afterResponse(after);
  return jsonResponse({ ok: true });
}
