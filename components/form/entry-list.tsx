"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useSourceText } from "@/components/i18n/use-source-text";
import { pathId, type Path } from "./paths";
import type { NestedForm } from "./use-nested-form";

/**
 * A list of entries inside a nested form (学历, 专业技术资格, 奖励 …): each entry in its own box
 * with 删除, then 新增. The list's own error ("请至少填写一条…") shows under its title. Its words
 * are Chinese, shown in the reader's language through the domain's catalogue as nested-fields.tsx
 * says why (信息变更 shares it); `title` and `empty` may come translated already.
 */
export function EntryList({
  form,
  path,
  title,
  empty,
  newEntry = () => ({}),
  max,
  children,
}: {
  form: NestedForm;
  path: Path;
  title: string;
  /** Shown when the list is empty. */
  empty: string;
  /** Default: an empty entry. */
  newEntry?: () => Record<string, unknown>;
  max: number;
  /** The fields of entry `index`, whose paths start with `${path}.${index}.`. */
  children: (index: number) => ReactNode;
}) {
  const text = useSourceText();
  const heading = text(title);
  const list = form.get(path);
  const entries = Array.isArray(list) ? list : [];
  const id = pathId(path);
  const error = form.error(path);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {heading}
      </h2>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {entries.length === 0 && <p className="text-sm text-muted-foreground">{text(empty)}</p>}
      {entries.map((_, index) => (
        <fieldset
          key={index}
          aria-label={text(`${heading}第${index + 1}条`)}
          className="space-y-4 rounded-md border p-4"
        >
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium">{text(`第${index + 1}条`)}</p>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => form.removeEntry(path, index)}
              aria-label={text(`删除${heading}第${index + 1}条`)}
            >
              <Trash2Icon className="size-4" aria-hidden />
              {text("删除")}
            </Button>
          </div>
          {children(index)}
        </fieldset>
      ))}
      {entries.length < max && (
        <Button type="button" variant="outline" onClick={() => form.addEntry(path, newEntry())}>
          <PlusIcon className="size-4" aria-hidden />
          {text("新增")}
        </Button>
      )}
    </section>
  );
}
