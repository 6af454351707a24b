import "server-only";
import ExcelJS from "exceljs";
import { readTemplateSheet } from "./template-sheet";
import {
  HISTORY_COLUMNS,
  type HistoryRow,
  type HistoryValues,
  MAX_HISTORY_ROWS,
} from "./history-sheet";

// 历史档案导入's Excel files (exceljs): the template, reading a filled sheet back into rows of
// text (after xlsx-guard has refused a bomb), and the 错误报告 — the rows not imported, with
// their original cells and 错误说明, so they are fixed in place and imported again.

const SHEET_NAME = "历史档案";
const LISTS_SHEET = "代码表";
const ERROR_HEADER = "错误说明";

/** 下载模板: headers, drop-downs from a hidden 代码表 sheet, text columns, and 填写说明. */
export async function historyTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_NAME);
  sheet.columns = HISTORY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const help = book.addWorksheet("填写说明");
  help.columns = [
    { header: "列", width: 18 },
    { header: "填写要求", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of HISTORY_COLUMNS) help.addRow([c.header, c.note]);
  help.addRow([]);
  for (const line of [
    `每行一人，每个文件最多${MAX_HISTORY_ROWS}行。`,
    "正确的行全部导入，有误的行不导入，并生成错误报告（原列加“错误说明”），修改后可再次导入。",
    "证件号码已注册的人员不会重复导入（显示“已存在”）。",
    "导入的人员暂无照片（照片待补充）：本人用手机号码通过“找回密码”设置密码登录后补充。",
  ]) {
    help.addRow(["", line]);
  }
  // Choices live on a hidden sheet: an inline list is limited to 255 characters (民族 has 58).
  const lists = book.addWorksheet(LISTS_SHEET, { state: "hidden" });
  let listColumn = 0;
  for (const c of HISTORY_COLUMNS) {
    if ("text" in c && c.text) sheet.getColumn(c.key).numFmt = "@";
    if (!("choices" in c)) continue;
    listColumn++;
    const letter = lists.getColumn(listColumn).letter;
    c.choices.forEach((choice, i) => {
      lists.getCell(`${letter}${i + 1}`).value = choice.label;
    });
    const range = `${LISTS_SHEET}!$${letter}$1:$${letter}$${c.choices.length}`;
    const target = sheet.getColumn(c.key).letter;
    for (let row = 2; row <= MAX_HISTORY_ROWS + 1; row++) {
      sheet.getCell(`${target}${row}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: "输入有误",
        error: `请从下拉列表中选择${c.header}`,
      };
    }
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type HistorySheetRead =
  { ok: true; rows: HistoryRow[]; numericIdLines: number[] } | { ok: false; message: string };

/** The data sheet's rows as trimmed text, by header name; blank rows are skipped. */
export function readHistorySheet(bytes: Uint8Array): Promise<HistorySheetRead> {
  return readTemplateSheet(bytes, {
    sheetName: SHEET_NAME,
    columns: HISTORY_COLUMNS,
    maxRows: MAX_HISTORY_ROWS,
    idColumn: "idNumber",
  });
}

/** 错误报告: the rows not imported, as they were sent, with 行号 and 错误说明 first. */
export async function historyErrorReport(
  rows: readonly { line: number; values: HistoryValues; errors: readonly string[] }[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_NAME);
  sheet.columns = [
    { header: "原行号", key: "line", width: 8 },
    { header: ERROR_HEADER, key: "errors", width: 48 },
    ...HISTORY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of HISTORY_COLUMNS) if ("text" in c && c.text) sheet.getColumn(c.key).numFmt = "@";
  for (const r of rows) {
    sheet.addRow({ line: r.line, errors: r.errors.join("；"), ...r.values });
  }
  sheet.getColumn("errors").alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
