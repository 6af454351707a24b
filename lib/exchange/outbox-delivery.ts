import "server-only";
import type { Db } from "@/lib/db/client";
import { callHub, callMember, type CallOptions, type MemberEndpoint } from "./client";
import { isHub } from "./config";
import { memberEndpoint } from "./hub-members";
import { deliverDue, type DeliveryHooks, type OutboxSend } from "./outbox";

// The outbox delivery job (outbox.ts) as the job registry runs it: `(ctx) => { processed }`.
// The hub sends to its members (their base URL and secret from HubMember), a platform to the hub
// (config.ts). The platform's hooks — answer and refusal handlers, the composers of bodies that
// carry personal data — come from above (lib/transfer/jobs.ts): lib/exchange does not import the
// domain that uses it.

/** Sends each message signed, to whoever this instance's role says. */
export function signedSender(db: Db, options: CallOptions = {}): OutboxSend {
  if (!isHub()) {
    return (m) => callHub(m.path, m.method, m.body, m.answer, options);
  }
  const endpoints = new Map<string, MemberEndpoint | undefined>();
  return async (m) => {
    if (!endpoints.has(m.recipient))
      endpoints.set(m.recipient, await memberEndpoint(db, m.recipient));
    const endpoint = endpoints.get(m.recipient);
    if (!endpoint) return { ok: false, kind: "network", message: "recipient not an active member" };
    return callMember(endpoint, m.path, m.body, m.answer, options);
  };
}

export interface JobContext {
  db: Db;
  now: Date;
}

export function outboxDeliveryJob(
  hooks: DeliveryHooks = {},
): (ctx: JobContext) => Promise<{ processed: number }> {
  return async ({ db, now }) => {
    // Signed with the real clock, whatever `now` the job runs at (`npm run jobs -- --at`): the
    // receiver checks the timestamp against its own clock.
    const report = await deliverDue(db, now, signedSender(db), hooks);
    return { processed: report.processed };
  };
}
