import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXPORT_HEADERS, type Cell } from "./cells";
import { pacedStream, type StreamOutcome } from "./paced-stream";
import { EXPORT_FORMATS, type ExportFormat } from "./writers";

const BATCH = 500;

/** `total` rows in batches, counting how many batches the writer has asked for. */
function source(total: number) {
  const seen = { batches: 0, closed: false };
  async function* batches(): AsyncGenerator<Cell[][]> {
    try {
      for (let start = 0; start < total; start += BATCH) {
        seen.batches++;
        const size = Math.min(BATCH, total - start);
        yield Array.from({ length: size }, (_, i) => [
          `人员${start + i}`,
          `44010619900101${String(start + i).padStart(4, "0")}`,
          start + i,
        ]);
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, batches: batches() };
}

function exportStream(format: ExportFormat, total: number, queueBytes?: number) {
  const { seen, batches } = source(total);
  let end: StreamOutcome | undefined;
  const body = pacedStream(
    (pacer) => EXPORT_FORMATS[format].write(batches, pacer),
    async (e) => {
      end = e;
    },
    queueBytes,
  );
  return { seen, body, end: () => end };
}

describe("the export writers", () => {
  it("writes an xlsx exceljs reads back row for row, numbers kept as text", async () => {
    const run = exportStream("xlsx", 1_234);
    const bytes = Buffer.from(await new Response(run.body).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("人员信息")!;
    expect(sheet.rowCount).toBe(1_235);
    expect((sheet.getRow(1).values as Cell[]).slice(1, 4)).toEqual(EXPORT_HEADERS.slice(0, 3));
    expect((sheet.getRow(1_235).values as Cell[]).slice(1)).toEqual([
      "人员1233",
      "440106199001011233",
      1233,
    ]);
    expect(run.end()).toEqual({ outcome: "completed", rows: 1_234 });
  });

  it("writes a CSV with a BOM and one CRLF line per row", async () => {
    const run = exportStream("csv", 1_001);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await new Response(run.body).arrayBuffer(),
    );
    expect(text.startsWith("\uFEFF姓名,证件类型,")).toBe(true);
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(1_003);
    expect(lines[1_001]).toBe("人员1000,\t440106199001011000,1000");
    expect(run.end()).toEqual({ outcome: "completed", rows: 1_001 });
  });

  it("asks for the next batch only when the reader has read: a slow reader holds the rows back", async () => {
    const run = exportStream("csv", 100 * BATCH, 64 * 1024);
    const reader = run.body.getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // One batch is ~20 KB of CSV: a 64 KB queue holds a few, never the 100 of the export.
    expect(run.seen.batches).toBeLessThanOrEqual(5);
    let chunks = 1;
    while (!(await reader.read()).done) chunks++;
    expect(run.seen.batches).toBe(100);
    expect(chunks).toBeGreaterThan(100);
    expect(run.end()).toEqual({ outcome: "completed", rows: 100 * BATCH });
  });

  it.each(["csv", "xlsx"] as const)(
    "stops reading and reports 'aborted' with the rows so far when the %s download is cancelled",
    async (format) => {
      const run = exportStream(format, 100 * BATCH, 16 * 1024);
      const reader = run.body.getReader();
      await reader.read();
      await reader.cancel();
      await expect.poll(() => run.end()?.outcome).toBe("aborted");
      expect(run.seen.closed).toBe(true);
      expect(run.seen.batches).toBeLessThan(100);
      expect(run.end()!.rows).toBe(run.seen.batches * BATCH);
    },
  );

  it("breaks the download off and reports 'failed' when reading the rows fails", async () => {
    let end: StreamOutcome | undefined;
    async function* failing(): AsyncGenerator<Cell[][]> {
      yield [["甲", "1", 1]];
      throw new Error("connection lost");
    }
    const body = pacedStream(
      (pacer) => EXPORT_FORMATS.csv.write(failing(), pacer),
      async (e) => {
        end = e;
      },
    );
    await expect(new Response(body).arrayBuffer()).rejects.toThrow("connection lost");
    expect(end).toMatchObject({ outcome: "failed", rows: 1 });
  });
});
