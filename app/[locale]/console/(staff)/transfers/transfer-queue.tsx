import Link from "next/link";
import { QueueTable } from "@/components/console/queue-table";
import { ReviewLink } from "@/components/console/review-link";
import { ReviewListHead } from "@/components/console/review-list-head";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QueuePage } from "@/lib/console/queue-page";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { TRANSFER_FILTERS, type TransferFilter } from "@/lib/transfer/queue";

/** A row as both lists show it; `place` is where the application starts from. */
export interface TransferQueueRow {
  id: string;
  personName: string;
  idNumberMasked: string;
  place: string;
  destination: string;
  stateText: string;
  createdAt: Date;
  reviewDueAt: Date;
  reviewedAt: Date | null;
}

/**
 * 调出审核 and 调入审核: the same tabs, columns and paging over their own applications — 待审核
 * with the time the automatic review will decide them, the others with when they were decided.
 */
export function TransferQueue({
  title,
  noun,
  path,
  placeHeading,
  filter,
  filterLabels,
  done,
  doneLabels,
  page,
}: {
  title: string;
  /** 调出申请 or 调入申请 */
  noun: string;
  /** the list's address; an application's is `${path}/${id}` */
  path: string;
  placeHeading: string;
  filter: TransferFilter;
  filterLabels: Record<TransferFilter, string>;
  done: string | string[] | undefined;
  doneLabels: Record<string, string>;
  page: QueuePage<TransferQueueRow>;
}) {
  const pending = filter === "pending";
  return (
    <div className="min-w-0 space-y-4">
      <ReviewListHead
        title={title}
        done={done}
        doneLabels={doneLabels}
        tabsLabel="申请状态"
        path={path}
        param="filter"
        tabs={TRANSFER_FILTERS.map((key) => ({ key, label: filterLabels[key] }))}
        current={filter}
        total={page.total}
        note={pending ? "（未在预计审核时间前办理的，系统自动审核）" : ""}
      />
      <QueueTable state={filterLabels[filter]} noun={noun} empty={page.rows.length === 0}>
        <TableHeader>
          <TableRow>
            <TableHead>姓名</TableHead>
            <TableHead>证件号码</TableHead>
            <TableHead>{placeHeading}</TableHead>
            <TableHead>调入地</TableHead>
            <TableHead>状态</TableHead>
            <TableHead>申请时间</TableHead>
            <TableHead>{pending ? "预计审核时间" : "审核时间"}</TableHead>
            <TableHead>操作</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell className="whitespace-nowrap">{r.personName}</TableCell>
              <TableCell className="whitespace-nowrap">{r.idNumberMasked}</TableCell>
              <TableCell>{r.place}</TableCell>
              <TableCell>{r.destination}</TableCell>
              <TableCell className="whitespace-nowrap">{r.stateText}</TableCell>
              <TableCell className="whitespace-nowrap">
                {formatBeijingDateTime(r.createdAt)}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {pending
                  ? formatBeijingDateTime(r.reviewDueAt)
                  : r.reviewedAt
                    ? formatBeijingDateTime(r.reviewedAt)
                    : "—"}
              </TableCell>
              <TableCell>
                <ReviewLink
                  href={`${path}/${r.id}`}
                  pending={pending}
                  subject={`${r.personName}的${noun}`}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </QueueTable>
      {page.nextCursor && (
        <Link
          className="text-sm text-primary underline"
          href={`${path}?filter=${filter}&after=${page.nextCursor}`}
        >
          下一页
        </Link>
      )}
    </div>
  );
}
