import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { HistoryEntry } from "@/lib/change/change-service";
import { formatChange } from "@/lib/change/diff";
import { formatBeijingDateTime } from "@/lib/time/beijing";

const CHANNELS: Record<string, string> = {
  change: "本人信息变更",
  staff: "财政部门修改",
  "transfer-in": "调入",
};

/**
 * 变更记录: every archive version after the collection, newest first, each change as
 * "字段: 旧值 → 新值" — the accountant's own list and the one finance staff see are this one.
 */
export function HistoryList({ history, empty }: { history: HistoryEntry[]; empty: string }) {
  if (history.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ol className="space-y-4" aria-label="变更记录">
      {history.map((h) => (
        <li key={h.version}>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">
                第{h.version}版 · {formatBeijingDateTime(h.at)} · {CHANNELS[h.channel] ?? h.channel}
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
  );
}
