import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { decryptField } from "@/lib/crypto/field-cipher";
import { idNumberIndex } from "@/lib/account/identifier";
import { parseSnapshot } from "@/lib/collection/archive-service";
import { ALREADY_EXISTS, importHistory } from "@/lib/import/history-import";
import { HISTORY_COLUMNS } from "@/lib/import/history-sheet";
import { historyTemplate, readHistorySheet } from "@/lib/import/history-workbook";
import { XLSX_TOO_LARGE } from "@/lib/import/xlsx-guard";
import type { StaffActor } from "@/lib/codes/staff-roles";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";
import { importHistoryAction } from "@/app/[locale]/console/(staff)/import/actions";
import { randomResidentId } from "../../support/accounts";
import { tablesShowingBirthDate } from "../../support/birth-date";
import { ctx, NOW } from "../../support/collection";
import { craftedZip } from "../../support/crafted-zip";
import { HISTORY_CREDIT_CODE, type HistoryCells, historyRow } from "../../support/history-import";
import { createEnrolledStaff, staffSessionOf } from "../../support/staff";

// 历史档案导入 end to end on the database: good rows become people with archive version 1, the
// search projection and audit rows; bad rows come back with reasons; the same file again, or
// twice at once, creates nobody twice.

const token = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (token.sid ? { sid: token.sid } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest-import" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Cells = HistoryCells;
let staffSeq = 0;
const guangzhou = (): StaffActor => ({
  staffId: `import-gz-${++staffSeq}`,
  regionCodes: ["440100"],
  roles: ["import"],
});

/** importHistory for a staff member who holds `import` (the matrix test covers refusals). */
async function run(staff: StaffActor, sheet: Parameters<typeof importHistory>[3]) {
  const r = await importHistory(db, ctx, staff, sheet, NOW);
  if ("reason" in r) throw new Error(r.message);
  return r;
}

const good = (over: Cells = {}) => historyRow(over);

async function workbook(rows: Cells[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("历史档案");
  sheet.addRow(HISTORY_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(HISTORY_COLUMNS.map((c) => r[c.key] ?? ""));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function sheetOf(rows: Cells[]) {
  const read = await readHistorySheet(await workbook(rows));
  if (!read.ok) throw new Error(read.message);
  return read;
}

async function personOf(idNumber: string) {
  return db.person.findUnique({
    where: { idNumberIndex: idNumberIndex(idNumber) },
    include: { archive: { include: { versions: true } } },
  });
}

describe("历史档案导入", () => {
  it("hands out a template with drop-downs and 填写说明 and no example row", async () => {
    const bytes = await historyTemplate();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["历史档案", "填写说明", "代码表"]);
    const data = book.getWorksheet("历史档案")!;
    expect(data.getRow(1).values).toEqual([undefined, ...HISTORY_COLUMNS.map((c) => c.header)]);
    expect(data.getCell("B2").dataValidation).toMatchObject({ type: "list" });
    expect(await readHistorySheet(new Uint8Array(bytes))).toEqual({
      ok: false,
      message: "文件中没有数据，请从第2行开始填写",
    });
  });

  it("imports good rows, reports bad ones per row, and a second import creates nobody twice", async () => {
    const staff = guangzhou();
    const a = good();
    const b = good({ name: "王出纳", gender: "女", idNumber: "" });
    b.idNumber = (() => {
      // A woman's number: the 17th digit even.
      for (;;) {
        const n = randomResidentId("440106");
        if (Number(n[16]) % 2 === 0) return n;
      }
    })();
    const badChecksum = good({
      idNumber: `${a.idNumber!.slice(0, 17)}${a.idNumber!.endsWith("0") ? "1" : "0"}`,
    });
    const outOfScope = good({ regionCode: "440604" });
    const noEmail = good({ email: "" });
    const sameAsA = good({ idNumber: a.idNumber });
    const rows = [a, b, badChecksum, outOfScope, noEmail, sameAsA];
    const r = await run(staff, await sheetOf(rows));
    expect({ imported: r.imported, exists: r.exists, errors: r.errors }).toEqual({
      imported: 2,
      exists: 0,
      errors: 4,
    });
    const byLine = new Map(r.rows.map((row) => [row.line, row]));
    expect(byLine.get(4)!.errors.join()).toMatch(/证件号码/);
    expect(byLine.get(5)!.errors).toContain("所在地区440604不在您管辖的行政区划内");
    expect(byLine.get(6)!.errors).toContain("请填写电子邮箱");
    expect(byLine.get(7)!.errors).toEqual(["证件号码与第2行重复"]);

    const p = await personOf(a.idNumber!);
    expect(p).not.toBeNull();
    expect(p!.passwordHash).toBe("");
    expect(await verifyPassword(p!.passwordHash, "anything")).toBe(false);
    expect(decryptField(p!.idNumberCipher)).toBe(a.idNumber);
    expect(p!.regionCode).toBe("440106");
    expect(p!.archive!.currentVersion).toBe(1);
    const snapshot = parseSnapshot(p!.archive!.versions[0]!.snapshot);
    expect(snapshot.personal).toMatchObject({
      headshotId: "",
      documentPageIds: {},
      photosPending: true,
    });
    expect(snapshot.work.employerCreditCode).toBe(HISTORY_CREDIT_CODE);
    expect(snapshot.professional.qualifications).toHaveLength(1);
    expect(p!.archive!.versions[0]!.channel).toBe("import");
    // The year in clear, the day only inside the encrypted number (issue 12, 3).
    expect(p!.birthYear).toBe(Number(a.idNumber!.slice(6, 10)));
    expect(snapshot.person).toMatchObject({ birthYear: p!.birthYear });
    const day = a.idNumber!.slice(6, 14).replace(/(\d{4})(\d{2})(\d{2})/, "$1-$2-$3");
    expect(await tablesShowingBirthDate(db, [p!.id, p!.archive!.id], day)).toEqual([]);
    expect(await db.personSearch.findUnique({ where: { personId: p!.id } })).toMatchObject({
      regionCode: "440106",
    });
    const audits = await db.auditEvent.findMany({ where: { actorId: staff.staffId } });
    expect(audits.filter((e) => e.action === "import.history-person")).toHaveLength(2);
    const summary = audits.find((e) => e.action === "import.history");
    expect(summary!.details).toMatchObject({ rows: 6, imported: 2, exists: 0, errors: 4 });
    // Never a number, a name or a phone in clear on the record.
    expect(JSON.stringify(audits.map((e) => e.details))).not.toContain(a.idNumber);

    const again = await run(staff, await sheetOf(rows));
    expect({ imported: again.imported, exists: again.exists }).toEqual({ imported: 0, exists: 2 });
    expect(again.rows[0]!.errors).toEqual([ALREADY_EXISTS]);
    // a sheet of numbers is a lookup: whom it found is on the record, by id
    const second = await db.auditEvent.findFirst({
      where: { actorId: staff.staffId, action: "import.history" },
      orderBy: { id: "desc" },
    });
    const imported = await Promise.all(rows.slice(0, 2).map((r) => personOf(r.idNumber!)));
    expect((second!.details as { found: unknown[] }).found).toEqual(
      imported.map((p, i) => ({ line: 2 + i, personId: p!.id })),
    );
  });

  it("two parallel imports of the same file create each person once", async () => {
    const rows = [good(), good(), good()];
    const sheet = await sheetOf(rows);
    const [x, y] = await Promise.all([run(guangzhou(), sheet), run(guangzhou(), sheet)]);
    expect(x.imported + y.imported).toBe(3);
    expect(x.exists + y.exists).toBe(3);
    for (const r of rows) {
      const n = await db.person.count({ where: { idNumberIndex: idNumberIndex(r.idNumber!) } });
      expect(n).toBe(1);
    }
  });

  it("refuses staff without the import role, and a zip bomb at the field, writing nothing", async () => {
    const accountant = await createEnrolledStaff(db, "440100", ["archive-read", "ce-course"]);
    token.sid = await staffSessionOf(db, accountant);
    const form = new FormData();
    form.set("file", new File([Buffer.from(await workbook([good()]))], "history.xlsx"));
    expect(await importHistoryAction(form)).toEqual({
      ok: false,
      fieldErrors: {},
      formError: ROLE_DENIED,
    });

    const importer = await createEnrolledStaff(db, "440100", ["import"]);
    token.sid = await staffSessionOf(db, importer);
    const before = await db.person.count();
    const bomb = bombZip();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () => {
        const f = new FormData();
        f.set("file", new File([Buffer.from(bomb)], "history.xlsx"));
        return importHistoryAction(f);
      }),
    );
    for (const a of attempts) {
      expect(a).toMatchObject({ ok: false, fieldErrors: { file: XLSX_TOO_LARGE } });
    }
    expect(await db.person.count()).toBe(before);

    const wrongType = new FormData();
    wrongType.set("file", new File(["x"], "history.csv"));
    expect(await importHistoryAction(wrongType)).toMatchObject({
      ok: false,
      fieldErrors: { file: "请选择.xlsx格式的Excel文件（.xls请先另存为.xlsx）" },
    });

    const ok = new FormData();
    const row = good();
    ok.set(
      "file",
      new File([Buffer.from(await workbook([row, good({ email: "" })]))], "history.xlsx"),
    );
    const done = await importHistoryAction(ok);
    expect(done).toMatchObject({ ok: true, data: { imported: 1, exists: 0, errors: 1 } });
    // The 错误报告: the row as sent, with 错误说明.
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(
      Buffer.from(
        (done as { data: { report: string } }).data.report,
        "base64",
      ) as unknown as ArrayBuffer,
    );
    const sheet = report.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).text).toBe("错误说明");
    expect(sheet.getRow(2).getCell(1).text).toBe("3");
    expect(sheet.getRow(2).getCell(2).text).toContain("请填写电子邮箱");
    expect(sheet.rowCount).toBe(2);
  });
});

/** A 60 MB sheet of zeros deflated to ~60 KB: small enough to upload, too big to unpack. */
function bombZip(): Uint8Array {
  return new Uint8Array(
    craftedZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60_000_000) }]),
  );
}
