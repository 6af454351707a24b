import "server-only";
import type { Db } from "@/lib/db/client";
import type { NonceStore } from "./signing";

// The replay guard of signed exchange requests (signing.ts), on both sides: a nonce is recorded
// by one INSERT, and the primary key (member, nonce) decides — a second request with the same
// nonce, however close in time and on whichever instance, finds the row and is a replay.

export function dbNonceStore(db: Db): NonceStore {
  return {
    async seen(member, nonce, expiresAt) {
      const inserted = await db.$executeRaw`
        INSERT INTO "ExchangeNonce" (member, nonce, "expiresAt")
        VALUES (${member}, ${nonce}, ${expiresAt})
        ON CONFLICT DO NOTHING`;
      return inserted === 0;
    },
  };
}

/**
 * Forgets nonces whose window has passed: a request carrying one is refused as expired by its
 * timestamp anyway. For the periodic jobs; returns how many went.
 */
export async function pruneNonces(db: Db, now: Date): Promise<number> {
  return db.exchangeNonce.deleteMany({ where: { expiresAt: { lt: now } } }).then((r) => r.count);
}
