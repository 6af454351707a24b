import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RECORD_BADGE, credits } from "@/components/ce/ce-text";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { DecisionCard, FactCard, ReviewDetailHead } from "@/components/console/review-detail";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { claimForReview } from "@/lib/ce/review-queries";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { staffActor } from "@/lib/staff/staff-session";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { ReviewForm } from "./review-form";

export const metadata: Metadata = { title: "审核学分申报 · 财政部门" };

// One claim: who, what they said, the credits it is worth, the evidence image — and, while it
// awaits recognition, 认定 / 不予认定. A claim outside the staff member's region is "not found".

export default async function ClaimReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffRole("ce-review", "审核学分申报");
  if ("denied" in staff) return staff.denied;
  const { id } = await params;
  const ctx = clientInfoFromHeaders(await headers());
  const claim = await claimForReview(db, ctx, staffActor(staff), id);
  if (!claim) notFound();

  const facts = [
    { label: "姓名", value: claim.personName },
    { label: "证件号码", value: claim.idNumberMasked },
    { label: "所属地区", value: claim.regionName },
    { label: "学分来源", value: claim.kindLabel },
    ...claim.details,
    { label: "折算学分", value: `${credits(claim.credits)}学分（${claim.categoryLabel}）` },
    { label: "申报时间", value: formatBeijingDateTime(claim.createdAt) },
    ...(claim.reviewedAt
      ? [{ label: "审核时间", value: formatBeijingDateTime(claim.reviewedAt) }]
      : []),
    ...(claim.reviewReason ? [{ label: "审核意见", value: claim.reviewReason }] : []),
  ];
  return (
    <div className="min-w-0 space-y-6">
      <ReviewDetailHead
        title="审核学分申报"
        stateLabel={claim.stateLabel}
        badge={RECORD_BADGE[claim.state]}
        listHref={`/console/ce/claims?filter=${claim.state}`}
      />
      <FactCard title={claim.title} titleClassName="wrap-anywhere" facts={facts} />
      <Card>
        <CardHeader>
          <CardTitle>证明材料</CardTitle>
        </CardHeader>
        <CardContent>
          {claim.evidenceId ? (
            <a href={`/api/attachments/${claim.evidenceId}`} target="_blank" rel="noreferrer">
              {/* eslint-disable-next-line @next/next/no-img-element -- private, no-store file */}
              <img
                src={`/api/attachments/${claim.evidenceId}`}
                alt="证明材料"
                className="max-h-[32rem] w-auto max-w-full rounded-md border"
              />
            </a>
          ) : (
            <p className="text-sm text-muted-foreground">未上传证明材料。</p>
          )}
        </CardContent>
      </Card>
      {claim.state === "claimed" && (
        <DecisionCard>
          <ReviewForm id={claim.id} title={claim.title} />
        </DecisionCard>
      )}
      <p className="text-sm">
        <Link className="text-primary underline" href={`/console/ce/people/${claim.personId}`}>
          查看{claim.personName}的继续教育记录
        </Link>
      </p>
    </div>
  );
}
