import "server-only";
import { isHub } from "@/lib/exchange/config";
import { outboxDeliveryJob } from "@/lib/exchange/outbox-delivery";
import type { Db } from "@/lib/db/client";
import { getStorage } from "@/lib/storage/storage";
import { exchangeConfigured } from "./file-registry";
import { hubExchange } from "./hub-exchange";
import { platformAnswerHandlers, platformRefusalHandlers } from "./hub-outcomes-apply";
import { importDueIn } from "./in-receive";
import { reviewDueIn } from "./in-review";
import { platformComposers } from "./outbox-bodies";
import { reviewDueOut } from "./out-review";

/** What a job receives (lib/jobs/types.ts JobContext, of which these need only two). */
interface JobContext {
  db: Db;
  now: Date;
}

// 跨省调转's durable jobs (lib/jobs/registry.ts lists them): the automatic reviews when due, the
// import of received files the exchange could not hand over at once, and the outbox delivery —
// on a platform with the hub's answers and refusals applied to its applications and the bodies
// that carry personal data composed at send time (outbox-bodies.ts), on the hub plain.

export const reviewTransfersOut = ({ db, now }: JobContext): Promise<{ processed: number }> =>
  reviewDueOut({ db, storage: getStorage(), now });

export const reviewTransfersIn = ({ db, now }: JobContext): Promise<{ processed: number }> =>
  reviewDueIn({ db, now });

export const importReceivedFiles = ({ db, now }: JobContext): Promise<{ processed: number }> =>
  importDueIn({ db, storage: getStorage(), exchange: hubExchange(), now });

export async function deliverOutbox(ctx: JobContext): Promise<{ processed: number }> {
  if (isHub()) return outboxDeliveryJob()(ctx);
  // A platform without an exchange (standalone) has nobody to send to; nothing is queued either.
  if (!exchangeConfigured()) return { processed: 0 };
  const storage = getStorage();
  const effects = { db: ctx.db, storage, exchange: hubExchange() };
  return outboxDeliveryJob({
    onAnswer: platformAnswerHandlers(effects),
    onRefusal: platformRefusalHandlers(),
    compose: platformComposers(storage),
  })(ctx);
}
