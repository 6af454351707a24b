"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

// Only entries that work are listed; 人员调转 joins when it ships.
const ITEMS = [
  { href: "/account", label: "个人中心" },
  { href: "/account/collection", label: "信息采集" },
  { href: "/account/change", label: "信息变更" },
  { href: "/account/ce", label: "继续教育" },
  { href: "/account/archive", label: "我的档案" },
  { href: "/account/security", label: "账户安全" },
];

export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="个人中心菜单" className="flex gap-2 overflow-x-auto md:flex-col print:hidden">
      {ITEMS.map((item) => {
        const active =
          item.href === "/account" ? pathname === item.href : pathname.startsWith(item.href);
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
