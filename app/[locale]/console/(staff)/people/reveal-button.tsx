"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revealIdNumberAction } from "./actions";

/**
 * 显示完整证件号码 for one person: a deliberate click, audited on the server; the number is shown
 * in this row only (component state — never the address, never a cache) until the page is left.
 */
export function RevealButton({
  personId,
  masked,
  name,
}: {
  personId: string;
  masked: string;
  name: string;
}) {
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (shown) return <span className="font-mono break-all">{shown}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span className="font-mono break-all">{masked}</span>
      <Button
        type="button"
        variant="link"
        size="sm"
        className="h-auto px-0"
        disabled={pending}
        aria-label={`显示${name}的完整证件号码`}
        onClick={() =>
          startTransition(async () => {
            const r = await revealIdNumberAction({ personId });
            if (r.ok) setShown(r.data.idNumber);
            else setError(r.formError ?? "无法显示证件号码");
          })
        }
      >
        {pending ? "正在读取…" : "显示"}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      )}
    </span>
  );
}
