import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { db } from "@/lib/db/client";
import { officeGroups } from "@/lib/staff/staff-admin-offices";
import { staffAccountsPage } from "@/lib/staff/staff-admin-queries";
import { STAFF_STATUSES, type StaffStatus } from "@/lib/staff/staff-admin-rules";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { OfficeSelect } from "./office-select";

export const metadata: Metadata = { title: "用户管理 · 财政部门" };

// 用户管理: the accounts of the 管理员's office and the offices below it (a county its county, the
// province all), filtered by office and state, searched by 登录名 or 姓名, 30 to a keyset page.
// The filter is a plain GET form: the URL says what is listed, and it works before hydration.

const STATUS_BADGE: Record<StaffStatus, "success" | "secondary" | "outline" | "destructive"> = {
  active: "success",
  disabled: "destructive",
  "first-login": "secondary",
  "no-totp": "outline",
};

const text = (v: unknown) => (typeof v === "string" ? v : "");

export default async function StaffListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("staff-admin", "用户管理");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const filter = {
    region: text(params.region),
    status: STAFF_STATUSES.is(params.status) ? params.status : null,
    q: text(params.q).slice(0, 40),
  };
  const page = await staffAccountsPage(db, staff, { ...filter, after: text(params.after) });
  const query = (extra: Record<string, string> = {}) => {
    const all = { ...filter, status: filter.status ?? "", ...extra };
    return new URLSearchParams(Object.entries(all).filter(([, v]) => v)).toString();
  };
  const filtered = Boolean(filter.region || filter.status || filter.q);
  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">用户管理</h1>
        <Button asChild>
          <Link href="/console/staff/new">新建账号</Link>
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">
        本单位及下级单位的财政部门账号。可修改权限、重置密码或动态口令、停用和启用；本人的账号须由同级或上级管理员办理。
      </p>
      <form
        method="get"
        role="search"
        aria-label="筛选账号"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_1fr_auto] lg:items-end"
      >
        <div className="grid gap-1.5">
          <Label htmlFor="region">所属单位</Label>
          <OfficeSelect
            id="region"
            name="region"
            groups={officeGroups(staff.regionCode)}
            placeholder="全部单位"
            defaultValue={filter.region}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="status">状态</Label>
          <NativeSelect
            id="status"
            name="status"
            placeholder="全部状态"
            defaultValue={filter.status ?? ""}
          >
            {STAFF_STATUSES.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="q">登录名或姓名</Label>
          <Input
            id="q"
            name="q"
            type="search"
            maxLength={40}
            defaultValue={filter.q}
            autoComplete="off"
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit">查询</Button>
          {filtered && (
            <Button asChild variant="outline">
              <Link href="/console/staff">清除</Link>
            </Button>
          )}
        </div>
      </form>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        共{page.total}个账号
      </p>
      {page.rows.length === 0 ? (
        <p className="text-sm">{filtered ? "没有符合条件的账号。" : "还没有账号。"}</p>
      ) : (
        <Table aria-label="财政部门账号">
          <TableHeader>
            <TableRow>
              <TableHead>登录名</TableHead>
              <TableHead>姓名</TableHead>
              <TableHead>所属单位</TableHead>
              <TableHead className="max-sm:hidden">权限</TableHead>
              <TableHead>状态</TableHead>
              <TableHead className="max-sm:hidden">最近登录</TableHead>
              <TableHead>操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-mono">{r.username}</TableCell>
                <TableCell className="whitespace-nowrap">{r.name}</TableCell>
                <TableCell className="whitespace-nowrap">{r.officeName}</TableCell>
                <TableCell className="min-w-48 max-sm:hidden">{r.roleLabels.join("、")}</TableCell>
                <TableCell>
                  <Badge variant={STATUS_BADGE[r.status]} className="whitespace-nowrap">
                    {STAFF_STATUSES.label(r.status)}
                  </Badge>
                </TableCell>
                <TableCell className="whitespace-nowrap max-sm:hidden">
                  {r.lastLoginAt ? formatBeijingDateTime(r.lastLoginAt) : "从未登录"}
                </TableCell>
                <TableCell>
                  <Button asChild size="sm" variant="outline">
                    <Link href={`/console/staff/${r.id}`} aria-label={`管理账号${r.username}`}>
                      管理
                    </Link>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="翻页" className="flex gap-4 text-sm">
        {params.after && (
          <Link className="text-primary underline" href={`/console/staff?${query()}`}>
            第一页
          </Link>
        )}
        {page.nextCursor && (
          <Link
            className="text-primary underline"
            href={`/console/staff?${query({ after: page.nextCursor })}`}
          >
            下一页
          </Link>
        )}
      </nav>
    </div>
  );
}
