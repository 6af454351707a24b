"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

/**
 * The menu beside signed-in pages (个人中心, the console): a column on desktop, a row that scrolls
 * sideways on a phone. The first item is the section's start page, current only on itself.
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
    <nav aria-label={label} className="flex gap-2 overflow-x-auto md:flex-col print:hidden">
      {items.map((item) => {
        const active = item.href === root ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "whitespace-nowrap rounded-md px-3 py-2 text-sm hover:bg-muted",
              active && "bg-primary/10 font-medium text-primary",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
