import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { inApplicationForStaff } from "@/lib/transfer/in-queries";
import { reviewFacts, TransferReview } from "../../transfer-review";
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
    ...reviewFacts(app),
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
    <TransferReview
      title="审核调入申请"
      app={app}
      facts={facts}
      listHref="/console/transfers/in"
      action={reviewInAction}
      questions={{
        approve: `确定审核通过${app.personName}的调入申请吗？将向全国平台报送接收，确认后档案转入本平台。`,
        reject: `确定审核不通过${app.personName}的调入申请吗？档案将留在调出地，该会计人员将收到短信。`,
      }}
    />
  );
}
