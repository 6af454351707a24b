import Link from "next/link";
import { ChevronLeftIcon } from "lucide-react";
import { useTranslations } from "next-intl";

/** The "位置" line above a page's heading: one link back to where the page belongs, 44 px tall. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  const t = useTranslations("Common");
  return (
    <nav aria-label={t("whereYouAre")} className="text-base">
      <Link
        href={href}
        className="inline-flex min-h-11 items-center gap-1 text-primary hover:underline"
      >
        <ChevronLeftIcon className="size-4" aria-hidden="true" />
        {children}
      </Link>
    </nav>
  );
}
