"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { type ActionResult, fieldErrorsFromIssues, type IssueLike } from "@/lib/http/action-result";

/** One of the two buttons: the first is the plain one, the second the refusal (outlined red). */
export interface DecisionChoice<D extends string> {
  decision: D;
  label: string;
  /** asked before the decision is sent */
  question: string;
  /** `?done=` of the list returned to */
  done: string;
}

/** The reason's message at its field; any other (the whole form's, a bad id) above the buttons. */
function shown(fieldErrors: Record<string, string>, formError?: string) {
  const { reason, ...others } = fieldErrors;
  return { reason, form: formError ?? (reason ? undefined : Object.values(others)[0]) };
}

/**
 * A staff decision with 审核意见 (学分认定, 调转审核, 账号申诉): checked here with the action's own
 * schema and again on the server, confirmed, then back to the list; a refusal keeps what was
 * typed, and a decision made meanwhile ("stale") reloads the page.
 */
export function DecisionForm<D extends string>({
  id,
  schema,
  action,
  choices,
  listHref,
  reasonHint,
  reasonMax,
  reasonRequired = false,
}: {
  id: string;
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true } | { success: false; error: { issues: IssueLike[] } };
  };
  action: (input: { id: string; decision: D; reason: string }) => Promise<ActionResult>;
  choices: readonly [DecisionChoice<D>, DecisionChoice<D>];
  listHref: string;
  reasonHint: string;
  reasonMax: number;
  reasonRequired?: boolean;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [pending, start] = useTransition();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  function decide(choice: DecisionChoice<D>) {
    const values = { id, decision: choice.decision, reason };
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(shown(fieldErrorsFromIssues(parsed.error.issues)));
      reasonRef.current?.focus();
      return;
    }
    if (!window.confirm(choice.question)) return;
    setErrors({});
    start(async () => {
      const r = await action(values);
      if (r.ok) {
        router.push(`${listHref}?done=${choice.done}`);
        return;
      }
      setErrors(shown(r.fieldErrors, r.formError));
      if (r.code === "stale") router.refresh();
    });
  }

  const [plain, refusal] = choices;
  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} className="space-y-4">
      <FormField
        id="reason"
        label="审核意见"
        required={reasonRequired}
        error={errors.reason}
        hint={reasonHint}
      >
        <Textarea
          ref={reasonRef}
          value={reason}
          maxLength={reasonMax + 50}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          {...fieldAria("reason", errors.reason, { hint: true })}
        />
      </FormField>
      <FormError message={errors.form} />
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => decide(plain)}>
          {plain.label}
        </Button>
        <Button
          type="button"
          variant="outline"
          className="border-destructive text-destructive"
          disabled={pending}
          onClick={() => decide(refusal)}
        >
          {refusal.label}
        </Button>
      </div>
    </form>
  );
}
