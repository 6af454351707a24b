import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/change/history-list";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { personHistoryForStaff } from "@/lib/staff/person-lookup";

export const metadata: Metadata = { title: "变更记录 · 财政部门" };

// A person's 变更记录 for finance staff of their region: the very list the accountant sees. Each
// read is audited; a person of another region is "not found".

export default async function PersonHistoryPage({
  params,
}: {
  params: Promise<{ personId: string }>;
}) {
  const staff = await requireStaffRole("archive-read", "变更记录");
  if ("denied" in staff) return staff.denied;
  const { personId } = await params;
  const ctx = clientInfoFromHeaders(await headers());
  const found = await personHistoryForStaff(db, ctx, staff.actor, personId);
  if (!found) notFound();
  const { person, history } = found;
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{person.name}的变更记录</h1>
        <Link
          href={`/console/ce/people/${person.personId}`}
          className="text-sm text-primary underline"
        >
          返回继续教育记录
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">
        证件号码 {person.idNumberMasked} · {person.regionName} · 档案编号{" "}
        {person.archiveNumber ?? "未采集"}
      </p>
      <HistoryList history={history} empty="该会计人员信息采集后没有变更过信息。" />
    </div>
  );
}
