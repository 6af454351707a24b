import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-session";
import { changeHistory } from "@/lib/change/change-service";
import { formatChange } from "@/lib/change/diff";
import { db } from "@/lib/db/client";
import { formatBeijingDateTime } from "@/lib/time/beijing";

export const metadata: Metadata = { title: "变更记录" };

const CHANNELS: Record<string, string> = {
  change: "本人信息变更",
  staff: "财政部门修改",
  "transfer-in": "调入",
};

// 变更记录: every archive version after the collection, newest first, each change as
// "字段: 旧值 → 新值" — the same list finance staff will see.
export default async function HistoryPage() {
  const session = await requireSession("/account/change/history");
  const history = await changeHistory(db, session.personId);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">变更记录</h1>
        <Link href="/account/change" className="text-sm text-primary underline">
          返回信息变更
        </Link>
      </div>
      {history.length === 0 && (
        <p className="text-sm text-muted-foreground">
          暂无变更记录。信息采集后的每次变更都会记录在这里。
        </p>
      )}
      <ol className="space-y-4">
        {history.map((h) => (
          <li key={h.version}>
            <Card>
              <CardHeader>
                <CardTitle className="text-base">
                  第{h.version}版 · {formatBeijingDateTime(h.at)} ·{" "}
                  {CHANNELS[h.channel] ?? h.channel}
                </CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="space-y-1 text-sm wrap-anywhere">
                  {h.changes.map((c) => (
                    <li key={c.path}>{formatChange(c)}</li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
