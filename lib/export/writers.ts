import "server-only";
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
  { contentType: string; write: (batches: AsyncIterable<Cell[][]>, pacer: Pacer) => Promise<void> }
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
async function writeXlsx(batches: AsyncIterable<Cell[][]>, pacer: Pacer): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: pacer.sink,
    useSharedStrings: false,
    useStyles: false,
    zip: { zlib: { level: 1 } },
  });
  const sheet = book.addWorksheet("人员信息", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for await (const batch of batches) {
    for (const cells of batch) sheet.addRow(cells).commit();
    pacer.rows += batch.length;
    if (!(await pacer.ready())) return;
  }
  sheet.commit();
  await book.commit();
}

/** UTF-8 with a BOM, RFC 4180 lines; one write per batch. */
async function writeCsv(batches: AsyncIterable<Cell[][]>, pacer: Pacer): Promise<void> {
  pacer.sink.write(UTF8_BOM + csvLine(EXPORT_HEADERS));
  for await (const batch of batches) {
    pacer.sink.write(batch.map(csvLine).join(""));
    pacer.rows += batch.length;
    if (!(await pacer.ready())) return;
  }
}
