import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { craftedZip as zip } from "../../tests/support/crafted-zip";
import { guardXlsx, NOT_XLSX, XLSX_TOO_LARGE } from "./xlsx-guard";

const zeros = (n: number) => Buffer.alloc(n);

describe("guardXlsx", () => {
  it("lets a real workbook through", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("表").addRow(["姓名", "证件号码"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(guardXlsx(bytes)).toEqual({ ok: true });
  });

  it("refuses what is not a zip", () => {
    expect(guardXlsx(Buffer.from("not a spreadsheet at all, just text"))).toEqual({
      ok: false,
      message: NOT_XLSX,
    });
  });

  it("refuses an entry whose declared size is above the cap", () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: zeros(50_000_000) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(guardXlsx(bomb)).toEqual({ ok: false, message: XLSX_TOO_LARGE });
  });

  it("refuses many entries that are small alone but too large together", () => {
    const parts = Array.from({ length: 10 }, (_, i) => ({
      name: `xl/s${i}.xml`,
      data: Buffer.alloc(7_000_000, 0x41),
    }));
    expect(guardXlsx(zip(parts), { ...limits(), maxRatio: 10_000 })).toEqual({
      ok: false,
      message: XLSX_TOO_LARGE,
    });
  });

  it("refuses too many entries", () => {
    const parts = Array.from({ length: 201 }, (_, i) => ({ name: `f${i}`, data: zeros(1) }));
    expect(guardXlsx(zip(parts))).toEqual({ ok: false, message: XLSX_TOO_LARGE });
  });

  it("refuses an absurd compression ratio below the size caps", () => {
    const bomb = zip([{ name: "xl/sheet.xml", data: zeros(20_000_000) }]);
    expect(guardXlsx(bomb)).toEqual({ ok: false, message: XLSX_TOO_LARGE });
  });

  it("refuses a directory holding more entries than its end record counts", () => {
    // JSZip would read the second entry (a bomb) that a count-trusting guard never inflated
    const hidden = zip(
      [
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "xl/sheet.xml", data: zeros(20_000_000), declared: 1000 },
      ],
      1,
    );
    expect(guardXlsx(hidden)).toEqual({ ok: false, message: NOT_XLSX });
  });

  it("refuses an end record that points readers at a ZIP64 directory", () => {
    const z = zip([{ name: "a.xml", data: Buffer.from("<a/>") }]);
    z.writeUInt16LE(0xffff, z.length - 22 + 10);
    z.writeUInt16LE(0xffff, z.length - 22 + 8);
    expect(guardXlsx(z)).toEqual({ ok: false, message: NOT_XLSX });
  });

  it("refuses a header that overstates its size (what exceljs is told must be true)", () => {
    const z = zip([{ name: "a.xml", data: Buffer.from("<a/>"), declared: 400 }]);
    expect(guardXlsx(z)).toEqual({ ok: false, message: NOT_XLSX });
  });

  it("catches a header that understates: the real inflated bytes are counted", () => {
    const liar = zip([{ name: "xl/sheet.xml", data: zeros(50_000_000), declared: 1000 }]);
    expect(guardXlsx(liar)).toEqual({ ok: false, message: XLSX_TOO_LARGE });
  });
});

function limits() {
  return { maxEntries: 200, maxEntryBytes: 40_000_000, maxTotalBytes: 60_000_000, maxRatio: 200 };
}
