import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { auditFilterHref, type FilterField, parseAuditFilter } from "@/lib/audit/audit-filter";
import { type AuditListRow, auditRowsForStaff } from "@/lib/audit/audit-query";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { AuditFilterForm } from "./filter-form";

export const metadata: Metadata = { title: "操作日志 · 财政部门" };

// 操作日志 (role audit-read): who did what, when and from where, in the staff member's region,
// newest first. The filter is in the URL; each page read is itself on record (audit.read).

function Details({ pairs }: { pairs: AuditListRow["details"] }) {
  if (pairs.length === 0) return <>—</>;
  // Text only: React escapes it, so a value that looks like markup stays text.
  return (
    <ul className="min-w-48 space-y-0.5 text-xs break-all">
      {pairs.map(([k, v]) => (
        <li key={k}>{k ? `${k}: ${v}` : v}</li>
      ))}
    </ul>
  );
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("audit-read", "操作日志");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const parsed = parseAuditFilter(params);
  const after = typeof params.after === "string" ? params.after : null;
  const list = parsed.ok
    ? await auditRowsForStaff(
        db,
        clientInfoFromHeaders(await headers()),
        staff.actor,
        parsed.filter,
        after,
      )
    : null;
  const errors: Partial<Record<FilterField, string>> = parsed.ok
    ? list && !list.ok && "field" in list
      ? { [list.field]: list.message }
      : {}
    : parsed.errors;
  const shown = list?.ok ? list : null;

  return (
    <div className="min-w-0 space-y-6">
      <h1 className="text-2xl font-semibold">操作日志</h1>
      <AuditFilterForm values={parsed.values} errors={errors} office={staff.regionCode} />
      {!shown ? (
        <Alert variant="destructive">
          <AlertDescription>请修改标红的查询条件后重新查询。</AlertDescription>
        </Alert>
      ) : shown.rows.length === 0 ? (
        <p className="text-sm">{after ? "没有更多记录。" : "没有符合条件的操作记录。"}</p>
      ) : (
        <Table aria-label="操作记录">
          <TableHeader>
            <TableRow>
              <TableHead>时间</TableHead>
              <TableHead>操作人</TableHead>
              <TableHead>操作</TableHead>
              <TableHead>结果</TableHead>
              <TableHead>对象</TableHead>
              <TableHead>行政区划</TableHead>
              <TableHead>IP</TableHead>
              <TableHead>详情</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">{formatBeijingDateTime(r.at)}</TableCell>
                <TableCell>{r.actorLabel}</TableCell>
                <TableCell title={r.action}>{r.actionLabel}</TableCell>
                <TableCell className="whitespace-nowrap">{r.outcomeLabel}</TableCell>
                <TableCell className="break-all">{r.target ?? "—"}</TableCell>
                <TableCell>{r.regionName ?? "—"}</TableCell>
                <TableCell className="whitespace-nowrap">{r.ip ?? "—"}</TableCell>
                <TableCell>
                  <Details pairs={r.details} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="翻页" className="flex gap-4 text-sm">
        {after && (
          <Link className="text-primary underline" href={auditFilterHref(parsed.values)}>
            回到最新
          </Link>
        )}
        {shown?.nextCursor && (
          <Link
            className="text-primary underline"
            href={auditFilterHref(parsed.values, shown.nextCursor)}
          >
            下一页
          </Link>
        )}
      </nav>
    </div>
  );
}
