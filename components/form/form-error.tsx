import { Alert, AlertDescription } from "@/components/ui/alert";
import { InvalidSummary } from "./invalid-summary";

/**
 * The form-level message (not tied to one field), shown above the submit button; without one,
 * after a refused submit, how many fields still need fixing (given the form).
 */
export function FormError({
  message,
  form,
  extra,
}: {
  message?: string;
  form?: { attempt: number; invalidCount: number };
  /** Marked fields the form's own errors do not hold (a captcha kept beside the form). */
  extra?: number;
}) {
  if (!message) return form ? <InvalidSummary form={form} extra={extra} /> : null;
  return (
    <Alert variant="destructive">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}
