import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { regionName } from "@/lib/region/divisions";
import { LookupForm } from "./lookup-form";

export const metadata: Metadata = { title: "继续教育人员 · 财政部门" };

// 继续教育人员: find an accountant of the office's region by 证件号码, then see their years and
// records, enter provider courses and mark them finished. Every lookup is on the audit record.

export default async function PeoplePage() {
  const staff = await requireStaffRole("ce-course", "继续教育人员");
  if ("denied" in staff) return staff.denied;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">继续教育人员</h1>
      <p className="text-sm text-muted-foreground">
        输入会计人员的证件号码，查看其继续教育学分，登记培训机构课程学分。只能查找
        {regionName(staff.regionCode) ?? staff.regionCode}
        （含下级行政区划）的会计人员；每次查找都会记入操作日志。
      </p>
      <LookupForm />
    </div>
  );
}
