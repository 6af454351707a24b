"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { FaqGroup } from "@/lib/help/faq";
import { filterFaq, searchTerms } from "@/lib/help/faq-search";
import { Input } from "@/components/ui/input";

/**
 * 常见问题 by topic, each a native <details>: rendered on the server, so every answer reads (and
 * the browser's find opens it) without JavaScript. The search box narrows the list as one types
 * and opens what matches; clearing it closes them again. The questions come translated from the
 * server (lib/help/faq.ts), so their messages are not sent twice.
 */
export function FaqList({ groups }: { groups: FaqGroup[] }) {
  const t = useTranslations("HelpSearch");
  const [query, setQuery] = useState("");
  const shown = useMemo(() => filterFaq(groups, query), [groups, query]);
  const searching = searchTerms(query).length > 0;
  const found = shown.reduce((n, g) => n + g.items.length, 0);
  const inputId = useId();
  return (
    <div className="space-y-6">
      <div role="search" className="max-w-xl space-y-2">
        <label htmlFor={inputId} className="block text-base font-medium">
          {t("label")}
        </label>
        <div className="relative">
          <SearchIcon
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden="true"
          />
          <Input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("placeholder")}
            className="h-11 pl-9 text-base md:text-base"
            enterKeyHint="search"
          />
        </div>
        <p aria-live="polite" className="text-sm text-muted-foreground">
          {searching && found > 0 && t("found", { count: found })}
        </p>
      </div>
      {searching && found === 0 && <p className="text-base">{t("notFound")}</p>}
      {shown.map((group) => (
        <section key={group.id} aria-labelledby={group.id} className="space-y-2">
          <h3 id={group.id} className="text-lg font-semibold">
            {group.title}
          </h3>
          <div className="divide-y rounded-lg border bg-card">
            {group.items.map((item) => (
              <details key={item.id} id={item.id} open={searching || undefined}>
                <summary className="min-h-12 cursor-pointer px-4 py-3 text-base font-medium marker:text-primary hover:bg-accent">
                  {item.question}
                </summary>
                <div className="space-y-2 px-4 pt-1 pb-4 text-base leading-relaxed">
                  {item.answer.map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                  {item.links.length > 0 && (
                    <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={t("links")}>
                      {item.links.map((l) => (
                        <li key={l.href}>
                          <Link
                            href={l.href}
                            className="inline-flex min-h-11 items-center text-primary underline underline-offset-4"
                          >
                            {l.label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </details>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
