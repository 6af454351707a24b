import Link from "next/link";
import { cn } from "@/lib/utils/cn";

/** A console list's states as links (学分认定, 调出审核, 调入审核): the current one marked. */
export function StateTabs({
  label,
  tabs,
  current,
}: {
  /** the navigation's name, e.g. 申报状态 */
  label: string;
  tabs: readonly { key: string; label: string; href: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={cn(
            "rounded-md border px-3 py-1.5 text-sm",
            t.key === current && "border-primary bg-primary/10 font-medium text-primary",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
