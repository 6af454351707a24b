import "server-only";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// pglite-socket 0.2.17 queues every wire-protocol *message* from all connections into PGlite's
// one session, keeping a connection's turn only while a transaction is open. Outside a
// transaction the extended-protocol messages of two connections (Parse/Bind/Execute … Sync)
// interleave, and one connection's Bind replaces the other's unnamed portal:
// `portal "" does not exist` under concurrent load. This keeps a connection's turn from its
// first extended-protocol message until its Sync, and also repairs the queue getting stuck
// after a failed message (upstream returns without clearing `processing`).

interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueryQueue {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(
      message: Uint8Array,
      opts: { onRawData: (d: Uint8Array) => void },
    ): Promise<void>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q' (simple query: self-contained)
const TERMINATE = 0x58; // 'X'
// Parse, Bind, Describe, Execute, Close, Flush: a batch that only a Sync ends.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

export function keepExtendedProtocolBatchesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket internals changed: review lib/db/pglite-protocol-queue.ts");
  }
  const midBatch = new Set<number>();

  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.lastHandlerId;
        const mustContinue = owner !== null && (this.db.isInTransaction() || midBatch.has(owner));
        const index = mustContinue ? this.queue.findIndex((i) => i.handlerId === owner) : 0;
        if (index === -1) break; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (error) {
          midBatch.delete(item.handlerId);
          item.reject(error);
          continue;
        }
        const type = item.message[0];
        if (type === SYNC || type === QUERY || type === TERMINATE) midBatch.delete(item.handlerId);
        else if (type !== undefined && EXTENDED.has(type)) midBatch.add(item.handlerId);
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    // A connection that went away mid-batch must not hold everyone else's turn.
    if (midBatch.delete(handlerId) && q.lastHandlerId === handlerId) q.lastHandlerId = null;
    void q.processQueue();
  };
}
