"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { recomputeStatsAction } from "./actions";

/** 立即更新: recomputes the province's statistics now (takes seconds at 2 million people). */
export function RecomputeButton() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() => {
          setMessage(null);
          start(async () => {
            const r = await recomputeStatsAction({});
            setMessage(
              r.ok
                ? { ok: true, text: "统计数据已更新" }
                : { ok: false, text: r.formError ?? "更新失败，请稍后再试" },
            );
            if (r.ok) router.refresh();
          });
        }}
      >
        {pending ? "正在更新…" : "立即更新"}
      </Button>
      <span role="status" className={message?.ok ? "text-xs" : "text-xs text-destructive"}>
        {message?.text}
      </span>
    </span>
  );
}
