import Link from "next/link";
import { ChevronRightIcon } from "lucide-react";
import type { NoticeSummary } from "@/lib/notice/notices";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDate } from "@/lib/time/beijing";

/**
 * The portal's 通知公告 as a list: title, date and the publishing region (a city's notice is
 * public too, labelled with its city). `null` when the notices could not be read.
 */
export function NoticeList({ notices }: { notices: NoticeSummary[] | null }) {
  if (notices === null) {
    return (
      <p className="px-4 py-6 text-muted-foreground sm:px-6">公告暂时无法加载，请稍后刷新页面。</p>
    );
  }
  if (notices.length === 0)
    return <p className="px-4 py-6 text-muted-foreground sm:px-6">暂无公告</p>;
  return (
    <ul className="divide-y">
      {notices.map((n) => (
        <li key={n.id}>
          <Link
            href={`/notices/${n.id}`}
            className="flex items-start gap-3 px-4 py-3 hover:bg-accent sm:items-center sm:px-6"
          >
            <span className="min-w-0 flex-1 sm:flex sm:items-center sm:gap-4">
              <span className="block font-medium text-foreground sm:flex-1 sm:truncate">
                {n.title}
              </span>
              <span className="mt-0.5 flex gap-3 text-sm text-muted-foreground sm:mt-0">
                <span>{regionName(n.regionCode, "") ?? ""}</span>
                <time dateTime={n.publishedAt.toISOString()}>
                  {formatBeijingDate(n.publishedAt)}
                </time>
              </span>
            </span>
            <ChevronRightIcon
              className="mt-1 size-4 shrink-0 text-muted-foreground sm:mt-0"
              aria-hidden="true"
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}
