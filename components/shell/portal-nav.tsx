"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import { LogoutButton } from "@/components/auth/logout-button";
import { useVisitor } from "@/components/auth/use-visitor";
import { buttonVariants } from "@/components/ui/button-variants";
import { PageContainer } from "./page-container";

const SECTIONS = [
  { href: "/", label: "home" },
  { href: "/#services", label: "services" },
  { href: "/#notices", label: "notices" },
] as const;

/** Top navigation of the public portal. Render it first in portal pages (the layout has no nav). */
export function PortalNav({ className }: { className?: string }) {
  const pathname = usePathname();
  const t = useTranslations("PortalNav");
  return (
    <nav
      aria-label={t("label")}
      data-slot="portal-nav"
      className={cn("border-b bg-background", className)}
    >
      <PageContainer className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2">
        <ul className="-ml-2 flex flex-wrap items-center">
          {SECTIONS.map((item) => {
            const current = item.href === "/" && pathname === "/";
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-base font-medium whitespace-nowrap text-foreground sm:px-3",
                    "hover:bg-accent hover:text-accent-foreground",
                    current && "text-primary underline decoration-2 underline-offset-8",
                  )}
                >
                  {t(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
        <VisitorLinks pathname={pathname} />
      </PageContainer>
    </nav>
  );
}

/** Where a logged-in visitor goes from the portal: their own home. */
const HOME_OF = {
  person: { href: "/account", label: "personHome" },
  staff: { href: "/console", label: "staffHome" },
} as const;

/**
 * 登录 and 用户注册 for a visitor who is not logged in (and until the browser knows); a logged-in
 * one sees their name, their home and 退出登录 instead.
 */
function VisitorLinks({ pathname }: { pathname: string }) {
  const visitor = useVisitor();
  const t = useTranslations("PortalNav");
  if (visitor?.kind) return <LoggedIn kind={visitor.kind} name={visitor.name} />;
  return (
    <ul className="ml-auto flex flex-wrap items-center justify-end gap-2">
      <li>
        <Link
          href="/login"
          aria-current={pathname === "/login" ? "page" : undefined}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          {t("login")}
        </Link>
      </li>
      <li>
        <Link
          href="/register"
          aria-current={pathname === "/register" ? "page" : undefined}
          className={buttonVariants({ variant: "default", size: "sm" })}
        >
          {t("register")}
        </Link>
      </li>
    </ul>
  );
}

function LoggedIn({ kind, name }: { kind: keyof typeof HOME_OF; name: string | null }) {
  const home = HOME_OF[kind];
  const t = useTranslations("PortalNav");
  return (
    <ul
      className="ml-auto flex flex-wrap items-center justify-end gap-2"
      aria-label={t("signedIn")}
    >
      {name && <li className="text-base font-medium">{name}</li>}
      <li>
        <Link href={home.href} className={buttonVariants({ variant: "default", size: "sm" })}>
          {t(home.label)}
        </Link>
      </li>
      <li>
        <LogoutButton />
      </li>
    </ul>
  );
}
