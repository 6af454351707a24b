import { describe, expect, it } from "vitest";
import { exchangeRetention } from "./outbox-retention";

const DAY = 24 * 3_600_000;

describe("exchangeRetention", () => {
  it("keeps delivered messages 30 days and received ids 90 by default", () => {
    expect(exchangeRetention({})).toEqual({ outboxMs: 30 * DAY, inboxMs: 90 * DAY });
  });

  it("never keeps received ids for less time than delivered messages", () => {
    expect(exchangeRetention({ EXCHANGE_OUTBOX_RETENTION_DAYS: "120" })).toEqual({
      outboxMs: 120 * DAY,
      inboxMs: 120 * DAY,
    });
    expect(() =>
      exchangeRetention({
        EXCHANGE_OUTBOX_RETENTION_DAYS: "30",
        EXCHANGE_INBOX_RETENTION_DAYS: "7",
      }),
    ).toThrow(/EXCHANGE_INBOX_RETENTION_DAYS must be 30–3650 days/);
    expect(() => exchangeRetention({ EXCHANGE_OUTBOX_RETENTION_DAYS: "0" })).toThrow();
    expect(() => exchangeRetention({ EXCHANGE_OUTBOX_RETENTION_DAYS: "ten" })).toThrow();
  });
});
