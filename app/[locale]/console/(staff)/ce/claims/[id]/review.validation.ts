import * as z from "zod/mini";
import { reviewDecisionSchema } from "@/lib/ce/review-rules";

/** The review form's input: which claim, and the decision with its reason (lib/ce/review-rules). */
export const reviewSchema = z.intersection(
  z.object({ id: z.string().check(z.maxLength(64)) }),
  reviewDecisionSchema,
);
export type ReviewValues = z.input<typeof reviewSchema>;
