import * as z from "zod/mini";
import { appealDecisionSchema } from "@/lib/appeal/decision-schema";

/** The decision form's input: which appeal, and 通过 or 不通过 with its reason (lib/appeal). */
export const decideSchema = z.intersection(
  z.object({ id: z.string().check(z.maxLength(64)) }),
  appealDecisionSchema,
);
export type DecideValues = z.input<typeof decideSchema>;
