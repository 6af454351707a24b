"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { type AppealDecision, MAX_DECISION_REASON } from "@/lib/appeal/appeal-rules";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { decideAppealAction } from "./actions";
import { decideSchema } from "./decide.validation";

/** The reason's message at its field; any other (the whole form's, a bad id) above the buttons. */
function shown(fieldErrors: Record<string, string>, formError?: string) {
  const { reason, ...others } = fieldErrors;
  return { reason, form: formError ?? (reason ? undefined : Object.values(others)[0]) };
}

/**
 * 通过（改绑手机号） or 不通过 with a reason, checked here with the action's own schema and again on
 * the server; a refusal keeps what was typed.
 */
export function DecideForm({ id, appealNumber }: { id: string; appealNumber: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [pending, start] = useTransition();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  function decide(decision: AppealDecision) {
    const values = { id, decision, reason };
    const parsed = decideSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(shown(fieldErrorsFromIssues(parsed.error.issues)));
      reasonRef.current?.focus();
      return;
    }
    const question =
      decision === "reassign"
        ? `确定通过申诉${appealNumber}吗？账号将改绑至申诉人的手机号码，原密码作废、已登录的会话全部退出，并短信通知原手机号码。`
        : `确定不通过申诉${appealNumber}吗？申诉人将收到您填写的理由。`;
    if (!window.confirm(question)) return;
    setErrors({});
    start(async () => {
      const r = await decideAppealAction(values);
      if (r.ok) {
        router.push(`/console/appeals?done=${decision}`);
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
        hint={`不通过时必须填写理由（将以短信发送给申诉人），不超过${MAX_DECISION_REASON}字`}
      >
        <Textarea
          ref={reasonRef}
          value={reason}
          maxLength={MAX_DECISION_REASON + 50}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          {...fieldAria("reason", errors.reason, { hint: true })}
        />
      </FormField>
      <FormError message={errors.form} />
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => decide("reassign")}>
          通过（改绑手机号）
        </Button>
        <Button
          type="button"
          variant="outline"
          className="border-destructive text-destructive"
          disabled={pending}
          onClick={() => decide("reject")}
        >
          不通过
        </Button>
      </div>
    </form>
  );
}
