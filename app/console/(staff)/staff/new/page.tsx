import type { Metadata } from "next";
import Link from "next/link";
import { RoleDenied } from "@/components/console/role-denied";
import { requireStaff } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/staff/roles";
import { officeGroups } from "@/lib/staff/staff-admin-offices";
import { grantableRoles } from "@/lib/staff/staff-admin-rules";
import { CreateStaffForm } from "./create-form";

export const metadata: Metadata = { title: "新建账号 · 用户管理 · 财政部门" };

export default async function NewStaffPage() {
  const staff = await requireStaff();
  if (!hasRole(staff, "staff-admin")) return <RoleDenied title="新建账号" />;
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
