import ExcelJS from "exceljs";
import { ROLE_REFUSAL, STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import { describe, expect, it } from "vitest";
import { checkCourseImport, importCourses, previewCourseImport } from "@/lib/ce/course-import";
import { courseTemplate, readCourseSheet } from "@/lib/ce/course-workbook";
import { COURSE_SHEET_COLUMNS } from "@/lib/ce/course-sheet";
import { DUPLICATE_COURSE, recordCourse } from "@/lib/ce/courses";
import { decryptField } from "@/lib/crypto/field-cipher";
import { db } from "@/lib/db/client";
import { ceFixtures } from "../../support/ce";
import { ctx, NOW, tempStorageForFile } from "../../support/collection";
import { courseRow, courseSheet, courseWorkbook } from "../../support/course-sheet";

const store = tempStorageForFile();
const { collected } = ceFixtures(store);
const GUANGZHOU: StaffActor = {
  staffId: "staff-gz",
  regionCodes: ["440100"],
  roles: STAFF_ROLES.codes,
};
const FOSHAN: StaffActor = {
  staffId: "staff-fs",
  regionCodes: ["440600"],
  roles: STAFF_ROLES.codes,
};

async function person() {
  const s = await collected();
  const row = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
  return { ...s, idNumber: decryptField(row.idNumberCipher) };
}

describe("课程学分导入: reading the file", () => {
  it("hands out a template with the columns, drop-downs and instructions, but no example row", async () => {
    const bytes = await courseTemplate();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const [data, help] = book.worksheets;
    expect(data!.getRow(1).values).toEqual([
      undefined,
      ...COURSE_SHEET_COLUMNS.map((c) => c.header),
    ]);
    expect(data!.getCell("F2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"公需科目,专业科目"'],
    });
    expect(help!.name).toBe("填写说明");
    expect(help!.getCell("B9").text).toBe("已学完或学习中（下拉选择）");
    // Left as downloaded, it imports nothing — not even an example person.
    expect(await readCourseSheet(new Uint8Array(bytes))).toEqual({
      ok: false,
      message: "文件中没有数据，请从第2行开始填写",
    });
  });

  it("finds the data sheet by its name when 填写说明 was moved in front", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("填写说明").addRow(["列", "填写要求"]);
    const data = book.addWorksheet("课程学分");
    data.addRow(COURSE_SHEET_COLUMNS.map((c) => c.header));
    data.addRow([
      "44010619900307001X",
      "张晓明",
      "2026",
      "职业道德",
      "某机构",
      "公需科目",
      "30",
      "已学完",
    ]);
    const read = await readCourseSheet(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(read).toMatchObject({ ok: true, rows: [{ line: 2, values: { name: "张晓明" } }] });
  });

  it("refuses what is not the template's shape, in Chinese", async () => {
    expect(await readCourseSheet(new TextEncoder().encode("证件号码,姓名"))).toEqual({
      ok: false,
      message: "文件不是有效的Excel文件（.xlsx），请使用下载的模板填写",
    });
    expect(await readCourseSheet(await courseWorkbook([], ["证件号码", "姓名"]))).toEqual({
      ok: false,
      message:
        "第1行缺少列：学习年度、课程名称、培训机构、科目类别、学分、学习状态。请使用下载的模板填写",
    });
    expect(await readCourseSheet(await courseWorkbook([{}, {}]))).toEqual({
      ok: false,
      message: "文件中没有数据，请从第2行开始填写",
    });
  });
});

describe("课程学分导入: checking and importing", () => {
  it("lists every wrong row by its line and imports nothing", async () => {
    const p = await person();
    const other = await person();
    const sheet = await courseSheet([
      courseRow(p),
      courseRow(p, { name: "别人" }), // also the same course as line 2
      courseRow(p, { credits: "95", category: "公需" }),
      courseRow(p), // the same course twice in one file
      courseRow(other, { idNumber: 440106199001010000 }),
      courseRow({ idNumber: "110101199003074477", name: "无此人" }),
      courseRow(other, { status: "报名", category: "其他", courseName: "" }),
    ]);
    const check = await checkCourseImport(db, GUANGZHOU, sheet, NOW);
    expect(check.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["姓名与证件号码不符", "与第2行重复"]],
      [4, ["学分应为大于0且不超过90的数，最多一位小数"]],
      [5, ["与第2行重复"]],
      [6, ["证件号码须设为文本格式（数字格式会丢失末位），请按模板填写"]],
      [7, ["本辖区内没有该证件号码的会计人员"]],
      [
        8,
        ["学习状态应为“已学完”或“学习中”", "请填写课程名称", "科目类别应为“公需科目”或“专业科目”"],
      ],
    ]);
    expect(check.rows[5]!.idNumberMasked).toBe("1101**********4477");

    const before = await db.ceCredit.count();
    const checks = () =>
      db.auditEvent.count({ where: { action: "ce.course-import-check", actorId: "staff-gz" } });
    const checksBefore = await checks();
    const r = await importCourses(db, ctx, GUANGZHOU, sheet, NOW);
    expect(r).toMatchObject({ ok: false, message: "有6行需要修改，本次未导入任何数据" });
    expect(await db.ceCredit.count()).toBe(before);
    // A refused 导入 shows what 检查 shows, so it is on the record the same way.
    expect(await checks()).toBe(checksBefore + 1);
  });

  it("imports a correct file in one go, on the audit record, and refuses it a second time", async () => {
    const p = await person();
    const sheet = await courseSheet([
      courseRow(p),
      courseRow(p, { courseName: "政府会计准则制度解读", category: "专业科目", credits: "60" }),
      courseRow(p, {
        courseName: "内部控制实务",
        category: "专业科目",
        credits: "12.5",
        status: "学习中",
      }),
    ]);
    expect(await importCourses(db, ctx, FOSHAN, sheet, NOW)).toMatchObject({ ok: false });
    expect(await importCourses(db, ctx, GUANGZHOU, sheet, NOW)).toEqual({ ok: true, imported: 3 });
    const rows = await db.ceCredit.findMany({
      where: { personId: p.personId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.title, r.category, r.credits.toNumber(), r.state])).toEqual([
      ["会计人员职业道德", "PUBLIC", 30, "completed"],
      ["政府会计准则制度解读", "PROFESSIONAL", 60, "completed"],
      ["内部控制实务", "PROFESSIONAL", 12.5, "enrolled"],
    ]);
    expect(
      await db.auditEvent.count({
        where: {
          action: "ce.course-record",
          actorId: "staff-gz",
          targetId: { in: rows.map((r) => r.id) },
        },
      }),
    ).toBe(3);

    const again = await importCourses(db, ctx, GUANGZHOU, sheet, NOW);
    expect(again.ok).toBe(false);
    if ("rows" in again) expect(again.rows[0]!.errors).toEqual(["该课程已登记过，请勿重复导入"]);
    // Entered by hand too, the same course is refused under the person's row lock.
    expect(
      await recordCourse(
        db,
        ctx,
        GUANGZHOU,
        {
          personId: p.personId,
          year: 2026,
          courseName: "会计人员职业道德",
          provider: "另一机构",
          category: "PUBLIC",
          credits: "30",
          completed: true,
        },
        NOW,
      ),
    ).toEqual({ ok: false, reason: "duplicate", message: DUPLICATE_COURSE });
  });

  it("refuses staff without 课程学分录入 before it looks anyone up, and logs no 检查", async () => {
    const p = await person();
    const sheet = await courseSheet([courseRow(p)]);
    const reader = {
      ...GUANGZHOU,
      staffId: "staff-gz-reader",
      roles: ["archive-read", "ce-review"],
    };
    const before = await db.ceCredit.count({ where: { personId: p.personId } });
    expect(await previewCourseImport(db, ctx, reader, sheet, NOW)).toEqual(ROLE_REFUSAL);
    expect(await importCourses(db, ctx, reader, sheet, NOW)).toEqual(ROLE_REFUSAL);
    expect(await db.ceCredit.count({ where: { personId: p.personId } })).toBe(before);
    expect(await db.auditEvent.count({ where: { actorId: "staff-gz-reader" } })).toBe(0);
  });

  it("puts every 检查 on the audit record with the people it found, never their numbers", async () => {
    const p = await person();
    const sheet = await courseSheet([
      courseRow(p),
      courseRow({ idNumber: "110101199003074477", name: "无此人" }),
    ]);
    const check = await previewCourseImport(db, ctx, GUANGZHOU, sheet, NOW);
    expect("found" in check && check.found).toEqual([p.personId]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "ce.course-import-check", actorId: "staff-gz" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toEqual({ rows: 2, personIds: [p.personId] });
    expect(JSON.stringify(audit.details)).not.toContain(p.idNumber);
  });

  it("refuses a person transferring out, told in the staff's words", async () => {
    const p = await person();
    await db.person.update({ where: { id: p.personId }, data: { transferState: "OUT_PENDING" } });
    const check = await checkCourseImport(db, GUANGZHOU, await courseSheet([courseRow(p)]), NOW);
    expect(check.rows[0]!.errors).toEqual(["该会计人员已申请调出，调转完成前不能办理继续教育业务"]);
    expect(check.ready).toEqual([]);
  });
});
