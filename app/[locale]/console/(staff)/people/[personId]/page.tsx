import { PHOTOS_PENDING } from "@/lib/collection/summary";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { YearList } from "@/components/ce/year-list";
import { HistoryList } from "@/components/change/history-list";
import { SummaryRows, SummarySectionBody } from "@/components/collection/summary-view";
import { requireStaffRole } from "@/components/console/require-staff-role";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { registeredFactRows, summarizeRecord } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { regionName } from "@/lib/region/divisions";
import { personDetailForStaff } from "@/lib/staff/person-lookup";
import { hasRole } from "@/lib/codes/staff-roles";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { RevealButton } from "../reveal-button";

export const metadata: Metadata = { title: "人员详情 · 财政部门" };

// 人员详情 for finance staff of the person's region: the current archive exactly as the person's
// own 我的档案 renders it (the same summary components, from the version's snapshot), every
// version's changes, 继续教育 years and transfers. The read is audited (staff.person-view); files
// come through /api/attachments, which audits each view. Another region's person is "not found".

export default async function PersonDetailPage({
  params,
}: {
  params: Promise<{ personId: string }>;
}) {
  const staff = await requireStaffRole("archive-read", "人员详情");
  if ("denied" in staff) return staff.denied;
  const { personId } = await params;
  const ctx = clientInfoFromHeaders(await headers());
  const detail = await personDetailForStaff(db, ctx, staff.actor, personId);
  if (!detail) notFound();
  const { person, archive, history, ce, transfers } = detail;
  const snapshot = archive?.snapshot;
  const headshotId = snapshot?.personal.headshotId;
  const sections = snapshot
    ? summarizeRecord(snapshot, {
        regionLabel: (code) => regionName(code) ?? code,
        omitRegisteredFacts: true,
      })
    : [];

  return (
    <div className="min-w-0 space-y-8">
      <div className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">{person.name}</h1>
          <Link href="/console/people" className="text-sm text-primary underline">
            返回人员查询
          </Link>
        </div>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted-foreground">证件号码</dt>
          <dd className="min-w-0">
            <RevealButton
              personId={person.personId}
              masked={person.idNumberMasked}
              name={person.name}
            />
          </dd>
          <dt className="text-muted-foreground">行政区划</dt>
          <dd>{person.regionName}</dd>
          <dt className="text-muted-foreground">档案编号</dt>
          <dd>{archive ? `${archive.archiveNumber}（第${archive.version}版）` : "未采集"}</dd>
          {archive && (
            <>
              <dt className="text-muted-foreground">采集时间</dt>
              <dd>{formatBeijingDateTime(archive.collectedAt)}</dd>
            </>
          )}
        </dl>
      </div>

      <section aria-labelledby="detail-archive" className="space-y-4">
        <h2 id="detail-archive" className="text-xl font-semibold">
          当前档案
        </h2>
        {snapshot ? (
          <>
            <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
              <SummaryRows
                rows={registeredFactRows(snapshot.person, snapshot.personal)}
                variant="screen"
              />
              {headshotId ? (
                <>
                  {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated, audited route serves the upload; next/image would fetch it without the session */}
                  <img
                    src={`/api/attachments/${headshotId}`}
                    alt={`${person.name}的免冠证件照`}
                    className="row-start-1 aspect-[5/7] w-28 justify-self-center border object-contain sm:row-start-auto sm:w-32"
                  />
                </>
              ) : (
                <p className="row-start-1 aspect-[5/7] w-28 justify-self-center border object-contain sm:row-start-auto sm:w-32 grid place-items-center text-sm text-muted-foreground">
                  {PHOTOS_PENDING}
                </p>
              )}
            </div>
            {sections.map((s) => (
              <section key={s.step} aria-labelledby={`detail-${s.step}`} className="space-y-3">
                <h3 id={`detail-${s.step}`} className="text-lg font-semibold">
                  {s.title}
                </h3>
                <SummarySectionBody section={s} variant="screen" skipAttachmentId={headshotId} />
              </section>
            ))}
          </>
        ) : (
          <p className="text-sm text-muted-foreground">该会计人员尚未完成信息采集。</p>
        )}
      </section>

      <section aria-labelledby="detail-history" className="space-y-3">
        <h2 id="detail-history" className="text-xl font-semibold">
          档案版本与变更记录
        </h2>
        <HistoryList history={history} empty="该会计人员信息采集后没有变更过信息。" />
      </section>

      <section aria-labelledby="detail-ce" className="space-y-3">
        <h2 id="detail-ce" className="text-xl font-semibold">
          继续教育
        </h2>
        {ce.years.length === 0 ? (
          <p className="text-sm text-muted-foreground">无须参加继续教育，或尚未采集。</p>
        ) : (
          <YearList years={ce.years} recordsFromYear={ce.recordsFromYear} />
        )}
      </section>

      <section aria-labelledby="detail-transfers" className="space-y-3">
        <h2 id="detail-transfers" className="text-xl font-semibold">
          跨省调转
        </h2>
        {transfers.length === 0 ? (
          <p className="text-sm text-muted-foreground">没有调转记录。</p>
        ) : (
          <Table aria-label="调转记录">
            <TableHeader>
              <TableRow>
                <TableHead>类型</TableHead>
                <TableHead>调入地 / 调出地</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>申请时间</TableHead>
                <TableHead>办结时间</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {transfers.map((t) => (
                <TableRow key={`${t.direction}-${t.id}`}>
                  <TableCell className="whitespace-nowrap">
                    {hasRole(staff, "transfer-review") ? (
                      <Link
                        href={`/console/transfers/${t.direction}/${t.id}`}
                        className="text-primary underline"
                      >
                        {t.direction === "out" ? "调出" : "调入"}
                      </Link>
                    ) : t.direction === "out" ? (
                      "调出"
                    ) : (
                      "调入"
                    )}
                  </TableCell>
                  <TableCell>{t.counterpart}</TableCell>
                  <TableCell className="whitespace-nowrap">{t.stateLabel}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatBeijingDateTime(t.createdAt)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {t.closedAt ? formatBeijingDateTime(t.closedAt) : "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
