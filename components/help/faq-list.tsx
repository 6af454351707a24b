"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { SearchIcon } from "lucide-react";
import type { FaqGroup } from "@/lib/help/faq";
import { filterFaq, searchTerms } from "@/lib/help/faq-search";
import { Input } from "@/components/ui/input";

/**
 * 常见问题 by topic, each a native <details>: rendered on the server, so every answer reads (and
 * the browser's find opens it) without JavaScript. The search box narrows the list as one types
 * and opens what matches; clearing it closes them again.
 */
export function FaqList({ groups }: { groups: FaqGroup[] }) {
  const [query, setQuery] = useState("");
  const shown = useMemo(() => filterFaq(groups, query), [groups, query]);
  const searching = searchTerms(query).length > 0;
  const found = shown.reduce((n, g) => n + g.items.length, 0);
  const inputId = useId();
  return (
    <div className="space-y-6">
      <div role="search" className="max-w-xl space-y-2">
        <label htmlFor={inputId} className="block text-base font-medium">
          搜索常见问题
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
            placeholder="如：忘记密码、验证码、学分"
            className="h-11 pl-9 text-base md:text-base"
            enterKeyHint="search"
          />
        </div>
        <p aria-live="polite" className="text-sm text-muted-foreground">
          {searching && (found > 0 ? `找到 ${found} 个相关问题` : "")}
        </p>
      </div>
      {searching && found === 0 && (
        <p className="text-base">
          没有找到相关问题。请换个说法（如“密码”“手机号”“学分”），或拨打页面底部的咨询电话。
        </p>
      )}
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
                    <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="去办理">
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
