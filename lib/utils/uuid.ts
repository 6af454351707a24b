// Row ids are UUIDs. Ids arrive from URLs and forms; anything else (a key, a path, a guess) names
// no row, and checking first keeps PostgreSQL from failing the query on a malformed uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The last millisecond an id was made for in this process, and the counter within it. */
let last = { ms: -1, seq: 0 };

/**
 * A new UUID version 7 (RFC 9562: 48-bit Unix milliseconds, a 12-bit counter, random bits), as
 * Prisma's `@default(uuid(7))` makes them — for rows a raw statement inserts, where Prisma's
 * default does not apply. Time-ordered, so new rows land at the end of the primary-key index; and
 * ids made in one process within one millisecond keep their order (the counter, RFC 9562 method
 * 1), which the outbox relies on: it sends a transfer's messages in id order.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = now;
  let seq: number;
  if (ms === last.ms && last.seq < 0xfff) {
    seq = last.seq + 1;
  } else {
    // A fresh millisecond starts low, leaving room to count up within it.
    seq = bytes[7]! | ((bytes[6]! & 0x07) << 8);
  }
  last = { ms, seq };
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (seq >> 8); // version 7, counter high bits
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
