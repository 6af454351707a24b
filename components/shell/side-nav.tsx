"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

/**
 * The menu beside signed-in pages (个人中心, the console): a column on desktop; on a phone a
 * block of buttons that wraps — as many per row as fit the text, at any text size — so every
 * item is in sight, none hidden off the edge (issue 13). The first item is the section's start
 * page, current only on itself. 长辈模式 shows the block at every width (lib/ui/elder-mode-css.ts).
 */
export function SideNav({
  label,
  items,
}: {
  label: string;
  items: readonly { href: string; label: string }[];
}) {
  const pathname = usePathname();
  const root = items[0]?.href;
  return (
    <nav aria-label={label} data-slot="side-nav" className="print:hidden">
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,6em),1fr))] gap-2 md:grid-cols-1 md:gap-1">
        {items.map((item) => {
          const active =
            item.href === root ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href} className="flex">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex min-h-11 w-full items-center justify-center rounded-md border px-3 py-2 text-center text-base hover:bg-muted",
                  "md:justify-start md:border-transparent md:text-left",
                  active && "border-primary bg-primary-soft font-medium text-primary",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
