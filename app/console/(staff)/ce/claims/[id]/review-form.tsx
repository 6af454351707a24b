"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { MAX_REVIEW_REASON, type ReviewDecision } from "@/lib/ce/review-rules";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { reviewClaimAction } from "./actions";
import { reviewSchema } from "./review.validation";

const DONE: Record<ReviewDecision, string> = { recognise: "recognised", reject: "rejected" };

/** The reason's message at its field; any other (the whole form's, a bad id) above the buttons. */
function shown(fieldErrors: Record<string, string>, formError?: string) {
  const { reason, ...others } = fieldErrors;
  return { reason, form: formError ?? (reason ? undefined : Object.values(others)[0]) };
}

/**
 * 认定 or 不予认定 with a reason. The reason is checked here with the action's own schema (a
 * rejection needs one) and again on the server; a refusal keeps what was typed.
 */
export function ReviewForm({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [pending, start] = useTransition();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  function decide(decision: ReviewDecision) {
    const values = { id, decision, reason };
    const parsed = reviewSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(shown(fieldErrorsFromIssues(parsed.error.issues)));
      reasonRef.current?.focus();
      return;
    }
    const question =
      decision === "recognise"
        ? `确定认定“${title}”吗？认定后学分计入该会计人员当年度。`
        : `确定不予认定“${title}”吗？该会计人员将看到您填写的理由。`;
    if (!window.confirm(question)) return;
    setErrors({});
    start(async () => {
      const r = await reviewClaimAction(values);
      if (r.ok) {
        router.push(`/console/ce/claims?done=${DONE[decision]}`);
        return;
      }
      setErrors(shown(r.fieldErrors, r.formError));
      if (r.code === "stale") router.refresh();
    });
  }

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} className="space-y-4">
      <FormField
        id="reason"
        label="审核意见"
        error={errors.reason}
        hint={`不予认定时必须填写理由（该会计人员可以看到），不超过${MAX_REVIEW_REASON}字`}
      >
        <Textarea
          ref={reasonRef}
          value={reason}
          maxLength={MAX_REVIEW_REASON + 50}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          {...fieldAria("reason", errors.reason, { hint: true })}
        />
      </FormField>
      <FormError message={errors.form} />
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => decide("recognise")}>
          认定
        </Button>
        <Button
          type="button"
          variant="outline"
          className="border-destructive text-destructive"
          disabled={pending}
          onClick={() => decide("reject")}
        >
          不予认定
        </Button>
      </div>
    </form>
  );
}
