import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { outApplicationForStaff } from "@/lib/transfer/out-queries";
import { reviewFacts, TransferReview } from "../../transfer-review";
import { reviewOutAction } from "./actions";

export const metadata: Metadata = { title: "审核调出申请 · 财政部门" };

// One 调出申请 of the staff member's region: who, where to, why, the 调转附件 — and, while it
// awaits review, 审核通过 / 审核不通过. Outside the region it is "not found".

export default async function OutReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffRole("transfer-review", "审核调出申请");
  if ("denied" in staff) return staff.denied;
  const { id } = await params;
  const ctx = clientInfoFromHeaders(await headers());
  const app = await outApplicationForStaff(db, ctx, staff.actor, id);
  if (!app) notFound();
  const facts = [
    { label: "姓名", value: app.personName },
    { label: "证件号码", value: app.idNumberMasked },
    { label: "所属地区", value: app.regionName },
    { label: "调入地", value: app.destination },
    { label: "调出理由", value: app.reason },
    { label: "申请时间", value: formatBeijingDateTime(app.createdAt) },
    ...reviewFacts(app),
    ...(app.hubStateLabel ? [{ label: "全国平台处理状态", value: app.hubStateLabel }] : []),
    ...(app.refusalReason ? [{ label: "未接收原因", value: app.refusalReason }] : []),
  ];
  return (
    <TransferReview
      title="审核调出申请"
      app={app}
      facts={facts}
      listHref="/console/transfers/out"
      action={reviewOutAction}
      questions={{
        approve: `确定审核通过${app.personName}的调出申请吗？档案将报送全国平台，等待调入地接收。`,
        reject: `确定审核不通过${app.personName}的调出申请吗？该会计人员将收到短信并看到您填写的意见。`,
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle>调转附件</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {app.attachmentIds.map((attachmentId, i) => (
            <a
              key={attachmentId}
              href={`/api/attachments/${attachmentId}`}
              target="_blank"
              rel="noreferrer"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- private, no-store file */}
              <img
                src={`/api/attachments/${attachmentId}`}
                alt={`调转附件${i + 1}`}
                className="max-h-[32rem] w-auto max-w-full rounded-md border"
              />
            </a>
          ))}
        </CardContent>
      </Card>
    </TransferReview>
  );
}
