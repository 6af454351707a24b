// Counts database round trips by watching the PostgreSQL wire protocol: a TCP pass-through in
// front of the server (PostgreSQL or PGlite behind pglite-socket) that reads what clients send.
// A round trip ends with a Sync ('S', extended protocol: a parameterised statement) or is a
// simple Query ('Q': BEGIN, COMMIT, …); each one waits for the server's ReadyForQuery. Counting
// at the wire sees everything a code path does — Prisma's own BEGIN/COMMIT, queries the ORM adds
// — which a query log of the ORM does not. Used by `npm run bench` and by the test that pins the
// step save's round trips.
import net from "node:net";

/** SSLRequest / GSSENCRequest: answered with one byte, then the real startup message follows. */
const ENCRYPTION_REQUESTS = new Set([80877103, 80877104]);

export interface WireCounter {
  /** The target's URL with host and port of the counter. */
  url: string;
  /** Round trips since the last reset. */
  roundTrips(): number;
  /** The statements sent since the last reset, in order (simple queries and parsed statements). */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
}

/** Parses one client's stream: startup first (no type byte), then typed messages. */
function clientParser(onMessage: (type: string, body: Buffer) => void) {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (!started) {
        if (pending.length < 8) return;
        const len = pending.readInt32BE(0);
        if (pending.length < len) return;
        if (!ENCRYPTION_REQUESTS.has(pending.readInt32BE(4))) started = true;
        pending = pending.subarray(len);
        continue;
      }
      if (pending.length < 5) return;
      const len = pending.readInt32BE(1);
      if (pending.length < 1 + len) return;
      onMessage(String.fromCharCode(pending[0]!), pending.subarray(5, 1 + len));
      pending = pending.subarray(1 + len);
    }
  };
}

/** The SQL text of a Query ('Q') or Parse ('P': statement name, then the text). */
function sqlOf(type: string, body: Buffer): string | null {
  if (type === "Q") return body.toString("utf8", 0, body.indexOf(0));
  if (type !== "P") return null;
  const start = body.indexOf(0) + 1;
  return body.toString("utf8", start, body.indexOf(0, start));
}

export async function startWireCounter(targetUrl: string): Promise<WireCounter> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  let count = 0;
  let sql: string[] = [];
  const sockets = new Set<net.Socket>();
  // noDelay both ways, as pg sets it: Nagle's algorithm would hold small messages back.
  const server = net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({ port: targetPort, host: target.hostname, noDelay: true });
    sockets.add(client).add(upstream);
    const parse = clientParser((type, body) => {
      if (type === "S" || type === "Q") count++;
      const text = sqlOf(type, body);
      if (text !== null) sql.push(text);
    });
    client.on("data", (chunk: Buffer) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject).listen(0, "127.0.0.1", () => resolve());
  });
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    roundTrips: () => count,
    statements: () => [...sql],
    reset() {
      count = 0;
      sql = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
