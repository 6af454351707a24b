"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { personAction } from "@/lib/auth/action-client";
import { changeArchiveItem } from "@/lib/change/change-service";
import { db } from "@/lib/db/client";
import { type ActionResult, refusalResult } from "@/lib/http/action-result";

// 信息变更's action: thin — the domain parses the item, validates with the collection's schemas,
// applies both locks and writes the new archive version.

const changeInput = z.object({
  ref: z.object({
    step: z.string().max(20),
    list: z.string().max(30).optional(),
    index: z.number().int().min(0).max(100).optional(),
  }),
  data: z.unknown(),
  baseVersion: z.number().int().min(1),
});

export interface ChangeOutcome {
  version: number;
}

/** With code "stale": the version stored now and the item's values in it (null: entry gone). */
export interface StaleDetail {
  version: number;
  current: unknown;
}

export const changeItemAction = personAction(
  "changeItemAction",
  changeInput,
  async (input, { request, session }): Promise<ActionResult<ChangeOutcome>> => {
    const r = await changeArchiveItem(db, request, session, input);
    if (!r.ok) {
      const stale = r.reason === "stale" ? { version: r.version, current: r.current } : undefined;
      return refusalResult(r, stale satisfies StaleDetail | undefined);
    }
    revalidatePath("/account", "layout");
    return { ok: true, data: { version: r.version } };
  },
);
