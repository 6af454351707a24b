"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * A small destructive action on a list row (删除, 撤回): asks first, runs the server action, and
 * re-reads the page — on success, and on a stale refusal so the row shows what is stored now.
 * A refusal's message stays beside the button.
 */
export function ConfirmActionButton({
  label,
  accessibleName,
  question,
  failure,
  run,
  onDone,
}: {
  /** The button's text, e.g. 删除. */
  label: string;
  /** Names the row too, e.g. 删除奖励信息第1条. */
  accessibleName: string;
  question: string;
  /** Shown when the refusal carries no message of its own. */
  failure: string;
  run: () => Promise<ActionResult<unknown>>;
  /** After a success, instead of re-reading this page (e.g. go where the outcome is said). */
  onDone?: () => void;
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
        aria-label={accessibleName}
        onClick={() => {
          if (!window.confirm(question)) return;
          setMessage(null);
          start(async () => {
            const r = await run();
            if (!r.ok) setMessage(r.formError ?? Object.values(r.fieldErrors)[0] ?? failure);
            if (r.ok && onDone) onDone();
            else if (r.ok || r.code === "stale") router.refresh();
          });
        }}
      >
        {label}
      </Button>
      {message && (
        <span role="alert" className="text-xs text-destructive">
          {message}
        </span>
      )}
    </span>
  );
}
