import "server-only";
import { Writable } from "node:stream";

// The download's body: a web ReadableStream fed by a producer that waits for the reader. The
// producer writes bytes into `sink` (a Node Writable, which exceljs wants) and asks `ready()`
// before each batch; ready() resolves once the queue has room again, i.e. the browser has read.
// A slow download therefore pauses the database reads instead of piling rows up in memory: what
// is held is the queue's high-water mark plus about one batch still in the zip deflater.

export interface Pacer {
  /** Where the file's bytes go; each write goes straight to the reader's queue. */
  sink: Writable;
  /** Waits until the reader wants more; false once the reader is gone (stop producing). */
  ready(): Promise<boolean>;
  /** Rows written so far: the producer counts them, the audit row reports them however it ends. */
  rows: number;
}

export type StreamOutcome =
  | { outcome: "completed"; rows: number }
  | { outcome: "aborted"; rows: number }
  | { outcome: "failed"; rows: number; error: unknown };

/** 1 MiB: big enough to keep a fast link busy, small next to one batch's rows in memory. */
const QUEUE_BYTES = 1 << 20;

/**
 * Runs `produce` into a stream the caller returns as a
 * Response body, and calls `settled` once with how it ended — the reader finished, went away
 * (cancel), or the producer failed (the stream errors and the download breaks off).
 */
export function pacedStream(
  produce: (pacer: Pacer) => Promise<void>,
  settled: (end: StreamOutcome) => Promise<void>,
  queueBytes = QUEUE_BYTES,
): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  const wakeUp = () => {
    wake?.();
    wake = null;
  };

  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!cancelled)
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      callback();
    },
  });

  /** Waits for reads (each calls pull) until the queue has room for `bytes`; false if cancelled. */
  async function roomFor(bytes: number): Promise<boolean> {
    while (!cancelled && (controller.desiredSize ?? 0) < bytes)
      await new Promise<void>((resolve) => (wake = resolve));
    return !cancelled;
  }

  const pacer: Pacer = { sink, rows: 0, ready: () => roomFor(1) };

  // `settled` is the caller's and must not throw (people-export.ts logs its own failures).
  async function run() {
    try {
      await produce(pacer);
      if (cancelled) return await settled({ outcome: "aborted", rows: pacer.rows });
      if (!sink.writableFinished) await new Promise((resolve) => sink.end(resolve));
      // "completed" means the reader took every byte, not that the last ones were queued.
      if (!(await roomFor(queueBytes)))
        return await settled({ outcome: "aborted", rows: pacer.rows });
      // Settled before the reader sees the end: whoever starts the next export right after
      // this one finds it recorded as finished.
      await settled({ outcome: "completed", rows: pacer.rows });
      controller.close();
    } catch (error) {
      if (!cancelled) controller.error(error);
      const rows = pacer.rows;
      await settled(cancelled ? { outcome: "aborted", rows } : { outcome: "failed", rows, error });
    }
  }

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        void run();
      },
      pull: wakeUp,
      cancel() {
        cancelled = true;
        wakeUp();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: queueBytes }),
  );
}
