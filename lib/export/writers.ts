import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLine, EXPORT_COLUMNS, EXPORT_HEADERS, type Cell, UTF8_BOM } from "./cells";
import type { Pacer } from "./paced-stream";

// The two file formats of 导出, each written batch by batch into a pacer: nothing but the
// current batch of cells is held here, and the next batch is asked for only when the reader
// has room (pacer.ready()).

export type ExportFormat = "xlsx" | "csv";

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === "xlsx" || value === "csv";
}

export const EXPORT_FORMATS: Record<
  ExportFormat,
  {
    contentType: string;
    write: (batches: AsyncIterable<Iterable<Cell[]>>, pacer: Pacer) => Promise<void>;
  }
> = {
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    write: writeXlsx,
  },
  csv: { contentType: "text/csv; charset=utf-8", write: writeCsv },
};

/**
 * exceljs's streaming writer: every row committed as it is added, so the sheet's XML goes to
 * the zip at once. Inline strings (no shared-string table growing with the file) and no style
 * table: text cells stay text (an 18-digit number never becomes 4.4E+17) without a number
 * format. Deflate level 1: the zip is most of the CPU of a million-row export, and level 6
 * saves little on such repetitive XML.
 */
async function writeXlsx(batches: AsyncIterable<Iterable<Cell[]>>, pacer: Pacer): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: pacer.sink,
    useSharedStrings: false,
    useStyles: false,
    zip: { zlib: { level: 1 } },
  });
  const sheet = book.addWorksheet("人员信息", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for await (const batch of batches) {
    for (const cells of batch) {
      sheet.addRow(cells).commit();
      pacer.rows++;
    }
    await deflaterCaughtUp(sheet);
    if (!(await pacer.ready())) return;
  }
  sheet.commit();
  await book.commit();
}

/** Uncompressed sheet XML allowed to wait in front of the deflater. */
const DEFLATE_BACKLOG_BYTES = 1 << 20;

/**
 * exceljs hands the sheet's XML on to the zip without waiting (its StreamBuf ignores the
 * destination's backpressure), so when rows come faster than zlib compresses them the XML piles
 * up in front of the deflater — hundreds of MB over a million rows. Between batches, wait until
 * it has caught up. This reaches into exceljs 4.4's internals (the worksheet's `stream` and the
 * entry stream it is piped to); if they change, the export fails loudly here (and the writer
 * tests with it) rather than growing without bound.
 */
async function deflaterCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const internals = sheet as unknown as { stream?: { pipes?: unknown[] } };
  const entry = internals.stream?.pipes?.[0] as
    (Writable & { _writableState?: { length: number } }) | undefined;
  const backlog = () => entry?._writableState?.length;
  if (entry === undefined || backlog() === undefined)
    throw new Error(
      "exceljs internals changed: the sheet's zip entry stream is not where expected",
    );
  while ((backlog() ?? 0) > DEFLATE_BACKLOG_BYTES) await once(entry, "drain");
}

/** UTF-8 with a BOM, RFC 4180 lines; one write per batch. */
async function writeCsv(batches: AsyncIterable<Iterable<Cell[]>>, pacer: Pacer): Promise<void> {
  pacer.sink.write(UTF8_BOM + csvLine(EXPORT_HEADERS));
  for await (const batch of batches) {
    let text = "";
    for (const cells of batch) {
      text += csvLine(cells);
      pacer.rows++;
    }
    pacer.sink.write(text);
    if (!(await pacer.ready())) return;
  }
}
