import type { ComponentProps, ReactNode } from "react";
import { DecisionCard, FactCard, ReviewDetailHead } from "@/components/console/review-detail";
import { TransferReviewForm } from "@/components/transfer/review-form";
import { formatBeijingDateTime } from "@/lib/time/beijing";

type Form = ComponentProps<typeof TransferReviewForm>;

interface Reviewed {
  state: string;
  reviewDueAt: Date;
  reviewedAt: Date | null;
  reviewedByStaff: boolean;
  reviewReason: string | null;
}

/** The review's facts, alike for 调出申请 and 调入申请: when it is or was decided, by whom, why. */
export function reviewFacts(app: Reviewed) {
  return [
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
  ];
}

/**
 * 审核调出申请 and 审核调入申请: the application's facts, the page's own cards (`children`) and,
 * while it awaits review, 审核通过 / 审核不通过.
 */
export function TransferReview({
  title,
  app,
  facts,
  listHref,
  action,
  questions,
  children,
}: {
  title: string;
  app: { id: string; state: string; stateLabel: string; personName: string };
  facts: readonly { label: string; value: string }[];
  listHref: string;
  action: Form["action"];
  questions: Form["questions"];
  children?: ReactNode;
}) {
  const pending = app.state === "pending";
  return (
    <div className="min-w-0 space-y-6">
      <ReviewDetailHead
        title={title}
        stateLabel={app.stateLabel}
        badge={pending ? "default" : "secondary"}
        listHref={listHref}
      />
      <FactCard title={app.personName} facts={facts} />
      {children}
      {pending && (
        <DecisionCard>
          <TransferReviewForm
            id={app.id}
            action={action}
            listHref={listHref}
            questions={questions}
          />
        </DecisionCard>
      )}
    </div>
  );
}
