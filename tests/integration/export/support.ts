import { randomInt, randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db/client";
import { encryptField } from "@/lib/crypto/field-cipher";
import { maskIdNumber } from "@/lib/identity/mask";
import type { Cell } from "@/lib/export/cells";

// People for the export tests, written straight into Person (the cipher the full export
// decrypts) and the PersonSearch projection, many at once.

export interface SeededPerson {
  personId: string;
  name: string;
  idNumber: string;
  regionCode: string;
}

const SURNAMES = ["zhao", "qian", "sun", "li", "zhou", "wu", "zheng", "wang"];

/** `count` people of `regionCode`, names 测试<region>-<n> with shuffled pinyin (the sort key). */
export async function seedPeople(
  db: Db,
  regionCode: string,
  count: number,
  over: (i: number) => { name?: string } = () => ({}),
): Promise<SeededPerson[]> {
  const people = Array.from({ length: count }, (_, i) => {
    const serial = String(randomInt(0, 1_000_000_000)).padStart(9, "0");
    return {
      personId: randomUUID(),
      name: over(i).name ?? `测试${regionCode}-${i}`,
      idNumber: `${regionCode}19${serial}${i % 10}`.slice(0, 18),
      pinyin: `${SURNAMES[randomInt(0, SURNAMES.length)]}${randomUUID().slice(0, 8)}`,
      regionCode,
    };
  });
  await db.person.createMany({
    data: people.map((p) => ({
      id: p.personId,
      name: p.name,
      idType: "RESIDENT_ID",
      idNumberCipher: encryptField(p.idNumber),
      idNumberIndex: randomUUID(),
      idNumberMasked: maskIdNumber(p.idNumber),
      phone: `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`,
      passwordHash: "x",
      regionCode: p.regionCode,
    })),
  });
  const now = new Date();
  await db.personSearch.createMany({
    data: people.map((p, i) => ({
      personId: p.personId,
      regionCode: p.regionCode,
      name: p.name,
      namePinyin: p.pinyin,
      nameInitials: p.pinyin.slice(0, 2),
      idNumberIndex: randomUUID(),
      idNumberMasked: maskIdNumber(p.idNumber),
      idType: "RESIDENT_ID",
      gender: i % 2 ? "1" : "2",
      birthYear: 1970 + (i % 30),
      collectionStatus: i % 3 ? "collected" : "none",
      archiveNumber: i % 3 ? `4420260${String(i).padStart(7, "0")}` : null,
      collectedAt: i % 3 ? now : null,
      employmentStatus: i % 3 ? "ACCOUNTING_POST" : null,
      educationLevel: i % 3 ? "20" : null,
      qualifications: i % 5 === 1 ? ["ACCOUNTING:INTERMEDIATE"] : [],
      qualificationLevel: i % 5 === 1 ? "INTERMEDIATE" : null,
      highEndTalent: i % 7 === 1,
      registeredAt: now,
      updatedAt: now,
    })),
  });
  return people;
}

/** The data rows of the export's only sheet, as arrays of cells (header row left out). */
export async function xlsxRows(bytes: ArrayBuffer): Promise<{ header: Cell[]; rows: Cell[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.getWorksheet("人员信息");
  if (!sheet) throw new Error("no sheet 人员信息");
  const all: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as (Cell | null | undefined)[]).slice(1);
    all.push(Array.from({ length: 14 }, (_, i) => values[i] ?? ""));
  });
  return { header: all[0]!, rows: all.slice(1) };
}

/** RFC 4180 records of a CSV (BOM checked and dropped), fields as text. */
export function csvRecords(bytes: ArrayBuffer): string[][] {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  if (!text.startsWith("\uFEFF")) throw new Error("no BOM");
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return records;
}
