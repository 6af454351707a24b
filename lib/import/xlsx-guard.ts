import "server-only";
import { inflateRawSync } from "node:zlib";

// An .xlsx is a zip. exceljs unpacks every entry into memory before it reads a cell, so a 1 MB
// upload can inflate to gigabytes (a zip bomb) or hold a sheet of millions of cells. This guard
// reads the zip's central directory itself (a few dozen lines, no dependency: the format is
// fixed by PKWARE's APPNOTE) and inflates each entry with node:zlib under `maxOutputLength`, so
// it refuses before exceljs sees the file: too many entries, a declared size above the caps, an
// absurd compression ratio, a directory that readers could read differently, and — a header may
// lie — real bytes other than declared or more than the caps allow.

export interface XlsxLimits {
  maxEntries: number;
  /** Largest uncompressed size of one entry (the sheet XML is the big one). */
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed above this is a bomb, not a spreadsheet (XML deflates ~10–30×). */
  maxRatio: number;
}

/** Enough for a 5,000-row sheet of 30 text columns several times over. */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 200,
  maxEntryBytes: 25_000_000,
  maxTotalBytes: 40_000_000,
  maxRatio: 200,
};

export const NOT_XLSX = "文件不是有效的Excel文件（.xlsx），请使用下载的模板填写";
export const XLSX_TOO_LARGE = "文件内容过大或异常（解压后超出限制），请分成几个文件导入";

export type GuardResult = { ok: true } | { ok: false; message: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
// A ZIP64 archive marks its sizes 0xFFFFFFFF; no spreadsheet of ours needs one.
const ZIP64_MARK = 0xffffffff;

interface Entry {
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

/**
 * The entries exactly as every reader will see them, or null. Readers differ at the edges —
 * JSZip (inside exceljs) reads central entries for as long as their signature follows, whatever
 * count the end record gives, and follows a ZIP64 record elsewhere — so anything but one plain
 * directory that ends where the end record begins, holding exactly the entries it counts, is
 * refused: an entry this guard did not inflate must never reach exceljs.
 */
function centralDirectory(buf: Buffer): Entry[] | null {
  // The end record sits in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const disk = buf.readUInt16LE(eocd + 4);
  const dirDisk = buf.readUInt16LE(eocd + 6);
  const onDisk = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || dirDisk !== 0 || onDisk !== count || count === 0xffff) return null;
  if (size === ZIP64_MARK || start === ZIP64_MARK) return null;
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) return null;
  if (start + size !== eocd) return null;
  let at = start;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      declared: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  // exactly `count` entries fill the directory: no entry hides behind the count
  return at === eocd ? entries : null;
}

/** Refuses a file that would unpack beyond `limits`, before any library unpacks it. */
export function guardXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): GuardResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return { ok: false, message: NOT_XLSX };
  const entries = centralDirectory(buf);
  if (!entries || entries.length === 0) return { ok: false, message: NOT_XLSX };
  const tooLarge = { ok: false, message: XLSX_TOO_LARGE } as const;
  if (entries.length > limits.maxEntries) return tooLarge;

  let declaredTotal = 0;
  for (const e of entries) {
    if (e.declared === ZIP64_MARK || e.compressed === ZIP64_MARK) return tooLarge;
    if (e.declared > limits.maxEntryBytes) return tooLarge;
    if (e.declared > Math.max(1, e.compressed) * limits.maxRatio && e.declared > 1_000_000) {
      return tooLarge;
    }
    declaredTotal += e.declared;
  }
  if (declaredTotal > limits.maxTotalBytes) return tooLarge;

  // The real bytes: each entry inflated with a ceiling, so a header that understates is caught.
  let realTotal = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIGNATURE) {
      return { ok: false, message: NOT_XLSX };
    }
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + e.compressed);
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - realTotal);
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: room + 1 }).length;
      } catch (error) {
        // ERR_BUFFER_TOO_LARGE: the entry inflates past the ceiling whatever its header says.
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooLarge;
        return { ok: false, message: NOT_XLSX };
      }
    } else return { ok: false, message: NOT_XLSX };
    if (size > room) return tooLarge;
    // a header that lies about its size lies to exceljs too
    if (size !== e.declared) return { ok: false, message: NOT_XLSX };
    realTotal += size;
  }
  return { ok: true };
}
