"use client";

import { DecisionForm } from "@/components/console/decision-form";
import { MAX_REVIEW_REASON } from "@/lib/ce/review-rules";
import { reviewClaimAction } from "./actions";
import { reviewSchema } from "./review.validation";

/** 认定 or 不予认定 with a reason (a rejection needs one; the person sees it). */
export function ReviewForm({ id, title }: { id: string; title: string }) {
  return (
    <DecisionForm
      id={id}
      schema={reviewSchema}
      action={reviewClaimAction}
      listHref="/console/ce/claims"
      reasonHint={`不予认定时必须填写理由（该会计人员可以看到），不超过${MAX_REVIEW_REASON}字`}
      reasonMax={MAX_REVIEW_REASON}
      choices={[
        {
          decision: "recognise",
          label: "认定",
          question: `确定认定“${title}”吗？认定后学分计入该会计人员当年度。`,
          done: "recognised",
        },
        {
          decision: "reject",
          label: "不予认定",
          question: `确定不予认定“${title}”吗？该会计人员将看到您填写的理由。`,
          done: "rejected",
        },
      ]}
    />
  );
}
