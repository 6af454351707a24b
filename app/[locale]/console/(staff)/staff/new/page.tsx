import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { officeGroups } from "@/lib/staff/staff-admin-offices";
import { grantableRoles } from "@/lib/staff/staff-admin-rules";
import { CreateStaffForm } from "./create-form";

export const metadata: Metadata = { title: "新建账号 · 用户管理 · 财政部门" };

export default async function NewStaffPage() {
  const staff = await requireStaffRole("staff-admin", "新建账号");
  if ("denied" in staff) return staff.denied;
  return (
    <div className="min-w-0 space-y-4">
      <Link href="/console/staff" className="text-sm text-primary underline">
        返回用户管理
      </Link>
      <h1 className="text-2xl font-semibold">新建账号</h1>
      <p className="text-sm text-muted-foreground">
        可为本单位及下级单位新建账号，只能授予您本人拥有的权限。创建后显示一次性初始密码。
      </p>
      <CreateStaffForm offices={officeGroups(staff.regionCode)} grantable={grantableRoles(staff)} />
    </div>
  );
}
