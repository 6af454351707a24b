/**
 * Default SMS driver: nothing leaves the machine. Each message becomes one JSON line
 *   {"at":"2025-06-01T02:03:04.567Z","to":"13800138000","purpose":"register","text":"【…】…"}
 * in a file that developers (page /dev/sms) and end-to-end tests read the codes from.
 *
 * Env:
 *   SMS_OUTBOX_FILE  default `${KUAIJI_DATA_DIR ?? ".data"}/sms-outbox.jsonl`
 *
 * Lines are appended with O_APPEND in a single write each, so several server processes (or
 * test workers) writing at once interleave whole lines, never fragments.
 */
import "server-only";
import { appendFile, mkdir, open } from "node:fs/promises";
import path from "node:path";
import { isSmsPurpose, type SmsMessage, type SmsPurpose, type SmsSender } from "./types";

export interface OutboxEntry {
  /** ISO 8601, UTC. */
  at: string;
  to: string;
  purpose: SmsPurpose;
  text: string;
}

export function outboxFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.SMS_OUTBOX_FILE || path.join(env.KUAIJI_DATA_DIR || ".data", "sms-outbox.jsonl");
}

export class OutboxSmsSender implements SmsSender {
  constructor(private readonly file: string = outboxFile()) {}

  async send(message: SmsMessage): Promise<void> {
    const entry: OutboxEntry = {
      at: new Date().toISOString(),
      to: message.to,
      purpose: message.purpose,
      text: message.text,
    };
    // codes and phone numbers: the platform's own user only
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, {
      encoding: "utf8",
      flag: "a",
      mode: 0o600,
    });
  }
}

export interface ReadOutboxOptions {
  /** Most recent first; default 50. */
  limit?: number;
  /** Only messages to this number. */
  to?: string;
  file?: string;
}

/** Reading stops at the file's last few MB: enough for any dev session, bounded for a long one. */
const TAIL_BYTES = 4 * 1024 * 1024;

export async function readOutbox(options: ReadOutboxOptions = {}): Promise<OutboxEntry[]> {
  const limit = options.limit ?? 50;
  const text = await readTail(options.file ?? outboxFile(), TAIL_BYTES);
  const entries: OutboxEntry[] = [];
  const lines = text.split("\n");
  for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
    const entry = parseLine(lines[i] ?? "");
    if (entry && (options.to === undefined || entry.to === options.to)) entries.push(entry);
  }
  return entries;
}

async function readTail(file: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return "";
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - maxBytes);
    const buf = Buffer.alloc(size - start);
    await handle.read(buf, 0, buf.length, start);
    const text = buf.toString("utf8");
    // Starting mid-file cuts the first line; drop it rather than misparse it.
    return start === 0 ? text : text.slice(text.indexOf("\n") + 1);
  } finally {
    await handle.close();
  }
}

/** Blank, torn or foreign lines are skipped: the outbox is a log, not a database. */
function parseLine(line: string): OutboxEntry | null {
  if (line.trim() === "") return null;
  try {
    const value = JSON.parse(line) as Partial<OutboxEntry>;
    if (
      typeof value.at !== "string" ||
      typeof value.to !== "string" ||
      typeof value.text !== "string" ||
      !isSmsPurpose(value.purpose)
    ) {
      return null;
    }
    return { at: value.at, to: value.to, purpose: value.purpose, text: value.text };
  } catch {
    return null;
  }
}
