import type { Metadata } from "next";
import Link from "next/link";
import { RoleDenied } from "@/components/console/role-denied";
import { requireStaff } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/staff/roles";
import { NoticeEditor } from "../notice-editor";

export const metadata: Metadata = { title: "新建公告 · 财政部门" };

export default async function NewNoticePage() {
  const staff = await requireStaff();
  if (!hasRole(staff, "staff-admin")) return <RoleDenied title="新建公告" />;
  return (
    <div className="min-w-0 space-y-4">
      <Link href="/console/notices" className="text-sm text-primary hover:underline">
        返回通知公告
      </Link>
      <h1 className="text-2xl font-semibold">新建公告</h1>
      <p className="text-sm text-muted-foreground">
        保存后为草稿，以{staff.officeName}名义发布；发布前可以反复修改和预览。
      </p>
      <NoticeEditor />
    </div>
  );
}
