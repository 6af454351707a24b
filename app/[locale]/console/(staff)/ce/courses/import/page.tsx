import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { COURSE_SHEET_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/ce/course-sheet";
import { regionName } from "@/lib/region/divisions";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "课程学分导入 · 财政部门" };

// 课程学分导入: a training provider's list of courses, filled into the template, checked row by row
// and imported all at once.

export default async function CourseImportPage() {
  const staff = await requireStaffRole("ce-course", "课程学分导入");
  if ("denied" in staff) return staff.denied;
  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">课程学分导入</h1>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>
          <a className="text-primary underline" href="/console/ce/courses/template" download>
            下载导入模板
          </a>
          ，按列填写：{COURSE_SHEET_COLUMNS.map((c) => c.header).join("、")}
          。证件号码请保持文本格式。
        </li>
        <li>
          选择填好的文件，点击“检查”。每一行都会核对：人员须属于
          {regionName(staff.regionCode) ?? staff.regionCode}
          且已完成信息采集，姓名须与证件号码相符，学分和年度须符合规定，同一课程不能重复登记。
        </li>
        <li>
          全部无误后点击“确认导入”。有任何一行需要修改时不会导入，修改文件后重新选择即可。每个文件最多
          {MAX_IMPORT_ROWS}行。
        </li>
      </ol>
      <ImportForm />
    </div>
  );
}
