import pino from "pino";
import { describe, expect, it } from "vitest";
import { ACCOUNT_ROW_RETENTION } from "@/lib/account/housekeeping";
import { db } from "@/lib/db/client";
import { pruneExpired } from "@/lib/jobs/prune-expired";
import { randomPhone } from "../../support/accounts";
import { expiringRows } from "./expiring-rows";

// The prune-expired job deletes exactly the rows due at `now`, of every kind, and nothing else.
// `now` lies in 2001 so that other test files' rows (dated from 2026 on) are never due.

const NOW = new Date("2001-03-01T00:00:00Z");
const log = pino({ level: "silent" });

describe("prune-expired job", () => {
  it("deletes each kind of row just past its retention and keeps those just before it", async () => {
    await pruneExpired({ db, now: NOW, log }); // whatever another test left that is due
    const rows = await expiringRows(db, NOW);
    const r = await pruneExpired({ db, now: NOW, log });
    expect(r).toEqual({
      processed: 9,
      detail: {
        captchas: 1,
        smsCodes: 1,
        loginThrottles: 1,
        clientLimits: 1,
        sessions: 1,
        staffSignIns: 1,
        outboxMessages: 1,
        inboxMessages: 1,
        exchangeNonces: 1,
      },
    });
    expect(await rows.remaining()).toEqual(rows.kept);
    // Running again at the same time finds nothing more.
    expect(await pruneExpired({ db, now: NOW, log })).toMatchObject({ processed: 0 });
  });

  it("keeps a wrong-password lock still running, however old the row", async () => {
    const key = `lock-${randomPhone()}`;
    const old = new Date(NOW.getTime() - ACCOUNT_ROW_RETENTION.idleThrottleMs - 60_000);
    await db.loginThrottle.create({
      data: {
        idNumberIndex: key,
        failures: 5,
        lockedUntil: new Date(NOW.getTime() + 60_000),
        updatedAt: old,
      },
    });
    await pruneExpired({ db, now: NOW, log });
    expect(await db.loginThrottle.count({ where: { idNumberIndex: key } })).toBe(1);
    // Once the lock is over, the month-old count goes.
    await pruneExpired({ db, now: new Date(NOW.getTime() + 120_000), log });
    expect(await db.loginThrottle.count({ where: { idNumberIndex: key } })).toBe(0);
  });
});
