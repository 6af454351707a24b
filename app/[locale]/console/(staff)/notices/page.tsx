import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { StateTabs } from "@/components/console/state-tabs";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { db } from "@/lib/db/client";
import { listNotices, NOTICE_PAGE_SIZE } from "@/lib/notice/notice-admin";
import { isNoticeStatus, noticeStateLabel } from "@/lib/notice/notice-states";
import { regionName } from "@/lib/region/divisions";
import { staffActor } from "@/lib/staff/staff-session";
import { formatBeijingDateTime } from "@/lib/time/beijing";

export const metadata: Metadata = { title: "通知公告 · 财政部门" };

// 通知公告: the notices of the staff member's region and below, newest change first, by state.

const TABS = [
  { key: "all", label: "全部" },
  { key: "draft", label: "草稿" },
  { key: "published", label: "已发布" },
  { key: "withdrawn", label: "已撤回" },
] as const;

const DONE: Record<string, string> = {
  saved: "公告已保存",
  published: "公告已发布",
  withdrawn: "公告已撤回",
};

export default async function NoticesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("staff-admin", "通知公告");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const status =
    typeof params.status === "string" && isNoticeStatus(params.status) ? params.status : undefined;
  const page =
    typeof params.page === "string" && /^\d{1,4}$/.test(params.page) ? Number(params.page) : 1;
  const { rows, total } = await listNotices(db, staffActor(staff), { status, page });
  const pages = Math.max(1, Math.ceil(total / NOTICE_PAGE_SIZE));
  const now = new Date();
  const current = TABS.find((t) => t.key === (status ?? "all"))!;
  const done = typeof params.done === "string" ? DONE[params.done] : undefined;
  const pageHref = (p: number) =>
    `/console/notices?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">通知公告</h1>
        <Button asChild>
          <Link href="/console/notices/new">新建公告</Link>
        </Button>
      </div>
      {done && (
        <Alert variant="success">
          <AlertDescription>{done}。</AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground">
        发布的公告在门户网站“通知公告”中向所有人显示，并注明发布地区。您可以管理{staff.officeName}
        及下级财政部门的公告。
      </p>
      <StateTabs
        label="公告状态"
        current={current.key}
        tabs={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          href: t.key === "all" ? "/console/notices" : `/console/notices?status=${t.key}`,
        }))}
      />
      <p className="text-sm text-muted-foreground">
        {current.label}：共{total}条
      </p>
      {rows.length === 0 ? (
        <p className="text-sm">没有{current.key === "all" ? "" : current.label}公告。</p>
      ) : (
        <Table aria-label={`${current.label}公告`}>
          <TableHeader>
            <TableRow>
              <TableHead>标题</TableHead>
              <TableHead>状态</TableHead>
              <TableHead>发布地区</TableHead>
              <TableHead>发布时间</TableHead>
              <TableHead className="max-sm:hidden">最后修改</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((n) => (
              <TableRow key={n.id}>
                <TableCell className="min-w-48 whitespace-normal">
                  <Link href={`/console/notices/${n.id}`} className="text-primary hover:underline">
                    {n.title}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">{noticeStateLabel(n, now)}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {regionName(n.regionCode, "") ?? n.regionCode}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {n.publishedAt ? formatBeijingDateTime(n.publishedAt) : "—"}
                  {n.withdrawnAt && (
                    <span className="block text-xs text-muted-foreground">
                      撤回于 {formatBeijingDateTime(n.withdrawnAt)}
                    </span>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap max-sm:hidden">
                  {formatBeijingDateTime(n.updatedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 && (
        <nav aria-label="分页" className="flex items-center gap-3 text-sm">
          {page > 1 && <Link href={pageHref(page - 1)}>上一页</Link>}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages && <Link href={pageHref(page + 1)}>下一页</Link>}
        </nav>
      )}
    </div>
  );
}
