import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { guardXlsx, NOT_XLSX, XLSX_TOO_LARGE } from "./xlsx-guard";

// Zips built byte by byte (APPNOTE 4.3): the guard must read what an attacker writes, including
// headers that lie about sizes.

interface Part {
  name: string;
  data: Buffer;
  /** Override the uncompressed size written in the headers (a lying header). */
  declared?: number;
}

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const packed = deflateRawSync(p.data);
    const name = Buffer.from(p.name);
    const declared = p.declared ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

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

  it("catches a header that understates: the real inflated bytes are counted", () => {
    const liar = zip([{ name: "xl/sheet.xml", data: zeros(50_000_000), declared: 1000 }]);
    expect(guardXlsx(liar)).toEqual({ ok: false, message: XLSX_TOO_LARGE });
  });
});

function limits() {
  return { maxEntries: 200, maxEntryBytes: 40_000_000, maxTotalBytes: 60_000_000, maxRatio: 200 };
}
