import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { NoticeEditor } from "../notice-editor";

export const metadata: Metadata = { title: "新建公告 · 财政部门" };

export default async function NewNoticePage() {
  const staff = await requireStaffRole("staff-admin", "新建公告");
  if ("denied" in staff) return staff.denied;
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
