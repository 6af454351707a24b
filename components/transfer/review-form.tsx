"use client";

import { DecisionForm } from "@/components/console/decision-form";
import type { ActionResult } from "@/lib/http/action-result";
import { reviewSchema } from "@/lib/transfer/schemas/out-application";
import { MAX_REASON_LENGTH } from "@/lib/transfer/schemas/out-limits";

type Decision = "approve" | "reject";

/**
 * 审核通过 or 审核不通过 of a 调出申请 or 调入申请, with 审核意见 (required either way, the person
 * sees it).
 */
export function TransferReviewForm({
  id,
  action,
  questions,
  listHref,
}: {
  id: string;
  action: (input: { id: string; decision: Decision; reason: string }) => Promise<ActionResult>;
  questions: Record<Decision, string>;
  /** the list to return to; `?done=approved|rejected` is added */
  listHref: string;
}) {
  return (
    <DecisionForm
      id={id}
      schema={reviewSchema}
      action={action}
      listHref={listHref}
      reasonHint={`该会计人员可以看到，不超过${MAX_REASON_LENGTH}字`}
      reasonMax={MAX_REASON_LENGTH}
      reasonRequired
      choices={[
        { decision: "approve", label: "审核通过", question: questions.approve, done: "approved" },
        { decision: "reject", label: "审核不通过", question: questions.reject, done: "rejected" },
      ]}
    />
  );
}
