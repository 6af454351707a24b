"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { MAX_REASON_LENGTH, reviewSchema } from "@/lib/transfer/schemas/out-application";
import { reviewOutAction } from "./actions";

type Decision = "approve" | "reject";

/** 审核通过 or 审核不通过 with 审核意见 (required either way, the person sees it). */
export function OutReviewForm({ id, personName }: { id: string; personName: string }) {
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
    const question =
      decision === "approve"
        ? `确定审核通过${personName}的调出申请吗？档案将报送全国平台，等待调入地接收。`
        : `确定审核不通过${personName}的调出申请吗？该会计人员将收到短信并看到您填写的意见。`;
    if (!window.confirm(question)) return;
    setErrors({});
    start(async () => {
      const r = await reviewOutAction(values);
      if (r.ok) {
        router.push(
          `/console/transfers/out?done=${decision === "approve" ? "approved" : "rejected"}`,
        );
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
