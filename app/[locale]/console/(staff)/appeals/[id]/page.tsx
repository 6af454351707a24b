import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { DecisionCard, FactCard, ReviewDetailHead } from "@/components/console/review-detail";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { appealForReview } from "@/lib/appeal/open";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { formatBeijingDate, formatBeijingDateTime } from "@/lib/time/beijing";
import { DecideForm } from "./decide-form";

export const metadata: Metadata = { title: "审核账号申诉 · 财政部门" };

// One appeal: what the appellant states beside the account's masked data, the photos (each one
// opened is on the audit record), the real-name service's answer when one is configured — and,
// while pending, 通过（改绑手机号） / 不通过. Outside the reviewer's region it is "not found".

export default async function AppealReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffRole("identity-review", "审核账号申诉");
  if ("denied" in staff) return staff.denied;
  const { id } = await params;
  const appeal = await appealForReview(db, clientInfoFromHeaders(await headers()), staff.actor, id);
  if (!appeal) notFound();

  const appellant = [
    { label: "申诉编号", value: appeal.appealNumber },
    { label: "姓名", value: appeal.appellant.name },
    { label: "证件类型", value: appeal.appellant.idType },
    { label: "证件号码", value: appeal.appellant.idNumberMasked },
    { label: "新手机号码（已验证）", value: appeal.appellant.phoneMasked },
    { label: "提交时间", value: formatBeijingDateTime(appeal.submittedAt) },
    ...(appeal.realName
      ? [{ label: "实名核验", value: `${appeal.realName.label}（${appeal.realName.provider}）` }]
      : []),
    ...(appeal.decidedAt
      ? [{ label: "审核时间", value: formatBeijingDateTime(appeal.decidedAt) }]
      : []),
    ...(appeal.decisionReason ? [{ label: "审核意见", value: appeal.decisionReason }] : []),
  ];
  const account = [
    { label: "姓名", value: appeal.account.name },
    { label: "证件类型", value: appeal.account.idType },
    { label: "证件号码", value: appeal.account.idNumberMasked },
    { label: "当前手机号码", value: appeal.account.phoneMasked },
    { label: "所属地区", value: appeal.account.regionName },
    { label: "注册日期", value: formatBeijingDate(appeal.account.registeredAt) },
    { label: "信息采集", value: appeal.account.collected ? "已采集" : "未采集" },
  ];
  return (
    <div className="min-w-0 space-y-6">
      <ReviewDetailHead
        title="审核账号申诉"
        stateLabel={appeal.stateLabel}
        badge={appeal.state === "pending" ? "default" : "secondary"}
        listHref={`/console/appeals?state=${appeal.state}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <FactCard title="申诉人填写的信息" facts={appellant} />
        <FactCard title="已注册账号" facts={account} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>申诉照片</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-3">
          {appeal.photos.map((p) => {
            const src = `/console/appeals/${appeal.id}/photos/${p.kind}`;
            return (
              <figure key={p.kind} className="space-y-2">
                <a href={src} target="_blank" rel="noreferrer">
                  {/* eslint-disable-next-line @next/next/no-img-element -- private, no-store file */}
                  <img
                    src={src}
                    alt={p.label}
                    className="max-h-80 w-auto max-w-full rounded-md border"
                  />
                </a>
                <figcaption className="text-sm text-muted-foreground">{p.label}</figcaption>
              </figure>
            );
          })}
        </CardContent>
      </Card>
      {appeal.state === "pending" && (
        <DecisionCard>
          <DecideForm id={appeal.id} appealNumber={appeal.appealNumber} />
        </DecisionCard>
      )}
    </div>
  );
}
