"use client";

import { NestedSelect, NestedText, NestedYear } from "@/components/form/nested-fields";
import type { NestedForm } from "@/components/form/use-nested-form";
import { AWARD_LEVELS } from "@/lib/codes/award-level";
import { at } from "./at";

/** One 奖励信息 entry. */
export function AwardEntryFields({ form, path }: { form: NestedForm; path: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <NestedText form={form} path={at(path, "name")} label="奖励名称" />
      </div>
      <NestedSelect
        form={form}
        path={at(path, "level")}
        label="奖励级别"
        options={AWARD_LEVELS.options}
      />
      <NestedYear form={form} path={at(path, "year")} label="获奖年份" />
    </div>
  );
}
