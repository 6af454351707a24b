"use server";

import { publicAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { refusalResult } from "@/lib/http/action-result";
import { verifyDocument } from "@/lib/verification/verify-service";
import type { VerificationView } from "@/lib/verification/view";
import { verifySchema } from "./verify.validation";

export const verifyDocumentAction = publicAction(
  "verifyDocumentAction",
  verifySchema,
  async (input, { request }) => {
    const r = await verifyDocument(db, request, input);
    return r.ok ? { ok: true as const, data: r.view satisfies VerificationView } : refusalResult(r);
  },
);
