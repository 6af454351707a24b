import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { HistoryEntry } from "@/lib/change/change-service";
import { formatChange } from "@/lib/change/diff";
import { formatBeijingDateTime } from "@/lib/time/beijing";

const CHANNELS = { change: "change", staff: "staff", "transfer-in": "transferIn" } as const;

/**
 * 变更记录: every archive version after the collection, newest first, each change as
 * "字段: 旧值 → 新值" — the accountant's own list and the one finance staff see are this one.
 */
export function HistoryList({ history, empty }: { history: HistoryEntry[]; empty: string }) {
  const t = useTranslations("Common");
  if (history.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ol className="space-y-4" aria-label={t("historyLabel")}>
      {history.map((h) => (
        <li key={h.version}>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">
                {t("historyTitle", {
                  version: h.version,
                  at: formatBeijingDateTime(h.at),
                  channel:
                    h.channel in CHANNELS
                      ? t(`channel.${CHANNELS[h.channel as keyof typeof CHANNELS]}`)
                      : h.channel,
                })}
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
