import { Alert, AlertDescription } from "@/components/ui/alert";

/** The form-level message (not tied to one field), shown above the submit button. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <Alert variant="destructive">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}
