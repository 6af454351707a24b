"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { pathId, type Path } from "./paths";
import type { NestedForm } from "./use-nested-form";

/**
 * A list of entries inside a nested form (学历, 专业技术资格, 奖励 …): each entry in its own box
 * with 删除, then 新增. The list's own error ("请至少填写一条…") shows under its title.
 */
export function EntryList({
  form,
  path,
  title,
  entryTitle = (index) => `第${index + 1}条`,
  empty,
  newEntry = () => ({}),
  max,
  children,
}: {
  form: NestedForm;
  path: Path;
  title: string;
  /** Default 第1条, 第2条 … */
  entryTitle?: (index: number) => string;
  /** Shown when the list is empty. */
  empty: string;
  /** Default: an empty entry. */
  newEntry?: () => Record<string, unknown>;
  max: number;
  /** The fields of entry `index`, whose paths start with `${path}.${index}.`. */
  children: (index: number) => ReactNode;
}) {
  const list = form.get(path);
  const entries = Array.isArray(list) ? list : [];
  const id = pathId(path);
  const error = form.error(path);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {entries.length === 0 && <p className="text-sm text-muted-foreground">{empty}</p>}
      {entries.map((_, index) => (
        <fieldset
          key={index}
          aria-label={`${title}${entryTitle(index)}`}
          className="space-y-4 rounded-md border p-4"
        >
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium">{entryTitle(index)}</p>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => form.removeEntry(path, index)}
              aria-label={`删除${title}${entryTitle(index)}`}
            >
              <Trash2Icon className="size-4" aria-hidden />
              删除
            </Button>
          </div>
          {children(index)}
        </fieldset>
      ))}
      {entries.length < max && (
        <Button type="button" variant="outline" onClick={() => form.addEntry(path, newEntry())}>
          <PlusIcon className="size-4" aria-hidden />
          新增
        </Button>
      )}
    </section>
  );
}
