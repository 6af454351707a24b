import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { HISTORY_COLUMNS, MAX_HISTORY_ROWS } from "@/lib/import/history-sheet";
import { regionName } from "@/lib/region/divisions";
import { HistoryImportForm } from "./import-form";

export const metadata: Metadata = { title: "历史档案导入 · 财政部门" };

// 历史档案导入: pre-platform records of the staff member's region, one person a row; good rows are
// imported, the others come back as an Excel 错误报告.

export default async function HistoryImportPage() {
  const staff = await requireStaffRole("import", "历史档案导入");
  if ("denied" in staff) return staff.denied;
  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">历史档案导入</h1>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>
          <a className="text-primary underline" href="/console/import/template" download>
            下载导入模板
          </a>
          ，每行一人，按列填写：{HISTORY_COLUMNS.map((c) => c.header).join("、")}
          。证件号码、日期请保持文本格式，每个文件最多{MAX_HISTORY_ROWS}行。
        </li>
        <li>
          选择填好的文件，点击“导入”。每一行按信息采集的规则核对，所在地区须在
          {regionName(staff.regionCode) ?? staff.regionCode}
          范围内；正确的行全部导入，有误的行可下载错误报告，修改后再次导入。已注册的证件号码不会重复导入。
        </li>
        <li>
          导入的人员暂无照片（照片待补充）：本人使用表中的手机号码通过“找回密码”设置密码登录，在信息变更时补充照片。
        </li>
      </ol>
      <HistoryImportForm />
    </div>
  );
}
