import * as z from "zod/mini";
import { type CeClaimContext, CHOOSE_KIND, isClaimKind } from "@/lib/ce/credit-kinds";
import { anyClaimSchema } from "@/lib/ce/credit-schemas";

/**
 * The claim's schema as the server runs it (anyClaimSchema, after the same "which kind" check as
 * submitClaim), wrapped so that one stable schema serves whichever kind is chosen: its issues keep
 * their paths ("year", "attachmentId"), exactly as the action reports them. The form fetches it
 * once it shows (claim-form.tsx).
 */
export function claimFormSchema(context: CeClaimContext) {
  const claim = anyClaimSchema(context);
  return z.unknown().check(
    z.superRefine((values, issue) => {
      const kind = (values as { kind?: unknown } | null)?.kind;
      if (!isClaimKind(kind)) {
        issue.addIssue({ code: "custom", path: ["kind"], message: CHOOSE_KIND });
        return;
      }
      const r = claim.safeParse(values);
      if (!r.success) {
        for (const i of r.error.issues) {
          issue.addIssue({ code: "custom", path: i.path, message: i.message });
        }
      }
    }),
  );
}
