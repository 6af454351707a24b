"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { withdrawClaimAction } from "./actions";

/** 撤回 for one claim awaiting recognition: asks first; the page re-reads on success. */
export function WithdrawButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`撤回${title}`}
        onClick={() => {
          if (!window.confirm(`确定撤回“${title}”的学分申报吗？撤回后不再认定。`)) return;
          setMessage(null);
          start(async () => {
            const r = await withdrawClaimAction({ id });
            if (r.ok) router.refresh();
            else setMessage(r.formError ?? Object.values(r.fieldErrors)[0] ?? "撤回失败");
          });
        }}
      >
        撤回
      </Button>
      {message && (
        <span role="alert" className="text-xs text-destructive">
          {message}
        </span>
      )}
    </div>
  );
}
