import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { db } from "@/lib/db/client";
import { staffAccountDetail } from "@/lib/staff/staff-admin-queries";
import { grantableRoles, STAFF_STATUSES } from "@/lib/staff/staff-admin-rules";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { AccountActions } from "./account-actions";
import { RolesForm } from "./roles-form";

export const metadata: Metadata = { title: "账号详情 · 用户管理 · 财政部门" };

// One account of the 管理员's offices: what it is, its roles to change, its resets and 停用/启用.
// An account outside those offices is notFound(), like a missing one; one's own is read-only.

export default async function StaffAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("staff-admin", "用户管理");
  if ("denied" in staff) return staff.denied;
  const { id } = await params;
  const account = await staffAccountDetail(db, staff, id);
  if (!account) notFound();
  const { done } = await searchParams;
  const facts: [string, string][] = [
    ["登录名", account.username],
    ["姓名", account.name],
    ["所属单位", account.officeName],
    ["状态", STAFF_STATUSES.label(account.status) ?? account.status],
    ["权限", account.roleLabels.join("、")],
    ["最近登录", account.lastLoginAt ? formatBeijingDateTime(account.lastLoginAt) : "从未登录"],
    ["创建时间", formatBeijingDateTime(account.createdAt)],
  ];
  return (
    <div className="min-w-0 space-y-6">
      <Link href="/console/staff" className="text-sm text-primary underline">
        返回用户管理
      </Link>
      <h1 className="text-2xl font-semibold">
        {account.name}（{account.username}）
      </h1>
      {done === "roles" && (
        <Alert variant="success">
          <AlertDescription>已保存权限。</AlertDescription>
        </Alert>
      )}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {account.reach === "self" ? (
        <Alert>
          <AlertDescription>
            这是您本人的账号：权限、密码重置、动态口令重置和停用须由同级或上级管理员办理。
          </AlertDescription>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="roles-heading" className="space-y-3 border-t pt-4">
            <h2 id="roles-heading" className="text-lg font-semibold">
              修改权限
            </h2>
            <p className="text-sm text-muted-foreground">只能授予或取消您本人拥有的权限。</p>
            <RolesForm
              key={account.roles.join(",")}
              staffId={account.id}
              roles={account.roles}
              grantable={grantableRoles(staff)}
            />
          </section>
          <section aria-labelledby="actions-heading" className="space-y-3 border-t pt-4">
            <h2 id="actions-heading" className="text-lg font-semibold">
              账号操作
            </h2>
            <AccountActions
              staffId={account.id}
              username={account.username}
              disabled={account.status === "disabled"}
            />
          </section>
        </>
      )}
    </div>
  );
}
