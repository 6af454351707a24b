import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FactList } from "@/components/console/fact-list";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { TransferReviewForm } from "@/components/transfer/review-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { inApplicationForStaff } from "@/lib/transfer/in-queries";
import { reviewInAction } from "./actions";

export const metadata: Metadata = { title: "审核调入申请 · 财政部门" };

// One 调入申请 to the staff member's counties: who, from where, when the origin sent the file —
// and, while it awaits review, 审核通过 / 审核不通过. Outside the region it is "not found".

export default async function InReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffRole("transfer-review", "审核调入申请");
  if ("denied" in staff) return staff.denied;
  const { id } = await params;
  const ctx = clientInfoFromHeaders(await headers());
  const app = await inApplicationForStaff(db, ctx, staff.actor, id);
  if (!app) notFound();
  const facts = [
    { label: "姓名", value: app.personName },
    { label: "证件号码", value: app.idNumberMasked },
    { label: "调出地", value: app.from },
    { label: "调入地", value: app.destination },
    { label: "调出时间", value: formatBeijingDateTime(app.submittedAt) },
    { label: "申请时间", value: formatBeijingDateTime(app.createdAt) },
    ...(app.state === "pending"
      ? [{ label: "预计自动审核", value: formatBeijingDateTime(app.reviewDueAt) }]
      : []),
    ...(app.reviewedAt
      ? [
          {
            label: "审核时间",
            value: `${formatBeijingDateTime(app.reviewedAt)}（${app.reviewedByStaff ? "财政部门审核" : "系统自动审核"}）`,
          },
        ]
      : []),
    ...(app.reviewReason ? [{ label: "审核意见", value: app.reviewReason }] : []),
    ...(app.state === "received"
      ? [
          {
            label: "档案",
            value: !app.imported
              ? "正在从全国平台转入"
              : app.collected
                ? "已转入本平台档案"
                : "已转入，待本人在信息采集中核对提交",
          },
        ]
      : []),
  ];
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">审核调入申请</h1>
        <Badge variant={app.state === "pending" ? "default" : "secondary"}>{app.stateLabel}</Badge>
      </div>
      <Link className="text-sm text-primary underline" href="/console/transfers/in">
        返回列表
      </Link>
      <Card>
        <CardHeader>
          <CardTitle>{app.personName}</CardTitle>
        </CardHeader>
        <CardContent>
          <FactList facts={facts} />
        </CardContent>
      </Card>
      {app.state === "pending" && (
        <Card>
          <CardHeader>
            <CardTitle>审核</CardTitle>
          </CardHeader>
          <CardContent>
            <TransferReviewForm
              id={app.id}
              action={reviewInAction}
              listHref="/console/transfers/in"
              questions={{
                approve: `确定审核通过${app.personName}的调入申请吗？将向全国平台报送接收，确认后档案转入本平台。`,
                reject: `确定审核不通过${app.personName}的调入申请吗？档案将留在调出地，该会计人员将收到短信。`,
              }}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
