"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { changeItemAction } from "./actions";

/** 删除 for one list entry: asks first, then saves the removal as a change like any other. */
export function DeleteEntryButton({
  step,
  list,
  index,
  label,
  baseVersion,
}: {
  step: string;
  list: string;
  index: number;
  label: string;
  baseVersion: number;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`删除${label}`}
        onClick={() => {
          if (!window.confirm(`确定删除${label}吗？删除后将生成新的档案版本。`)) return;
          start(async () => {
            const r = await changeItemAction({
              ref: { step, list, index },
              data: null,
              baseVersion,
            });
            if (r.ok) {
              router.refresh();
              return;
            }
            setMessage(r.formError ?? Object.values(r.fieldErrors)[0] ?? "删除失败");
            // Saved elsewhere meanwhile: show the list as it is now before anything else.
            if (r.code === "stale") router.refresh();
          });
        }}
      >
        删除
      </Button>
      {message && (
        <span role="alert" className="text-xs text-destructive">
          {message}
        </span>
      )}
    </span>
  );
}
