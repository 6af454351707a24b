"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { MAX_REASON_LENGTH, reviewSchema } from "@/lib/transfer/schemas/out-application";
import type { ActionResult } from "@/lib/http/action-result";

type Decision = "approve" | "reject";

/**
 * 审核通过 or 审核不通过 of a 调出申请 or 调入申请, with 审核意见 (required either way, the person
 * sees it): checked with the action's own schema here, again on the server; a refusal keeps it.
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
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [pending, start] = useTransition();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  function decide(decision: Decision) {
    const values = { id, decision, reason };
    const parsed = reviewSchema.safeParse(values);
    if (!parsed.success) {
      const all = fieldErrorsFromIssues(parsed.error.issues);
      setErrors({ reason: all.reason, form: all.reason ? undefined : Object.values(all)[0] });
      reasonRef.current?.focus();
      return;
    }
    if (!window.confirm(questions[decision])) return;
    setErrors({});
    start(async () => {
      const r = await action(values);
      if (r.ok) {
        router.push(`${listHref}?done=${decision === "approve" ? "approved" : "rejected"}`);
        return;
      }
      setErrors({ reason: r.fieldErrors.reason, form: r.formError });
      if (r.code === "stale") router.refresh();
    });
  }

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} className="space-y-4">
      <FormField
        id="reason"
        label="审核意见"
        required
        error={errors.reason}
        hint={`该会计人员可以看到，不超过${MAX_REASON_LENGTH}字`}
      >
        <Textarea
          ref={reasonRef}
          value={reason}
          maxLength={MAX_REASON_LENGTH + 50}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          {...fieldAria("reason", errors.reason, { hint: true })}
        />
      </FormField>
      <FormError message={errors.form} />
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => decide("approve")}>
          审核通过
        </Button>
        <Button
          type="button"
          variant="outline"
          className="border-destructive text-destructive"
          disabled={pending}
          onClick={() => decide("reject")}
        >
          审核不通过
        </Button>
      </div>
    </form>
  );
}
