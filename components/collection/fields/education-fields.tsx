"use client";

import {
  NestedCheckbox,
  NestedMonth,
  NestedSelect,
  NestedText,
} from "@/components/form/nested-fields";
import type { NestedForm } from "@/components/form/use-nested-form";
import { DEGREES } from "@/lib/codes/degree";
import { EDUCATION_LEVEL_GROUPS } from "@/lib/codes/education-level";
import { at } from "./at";

// GB/T 4658 detail codes (…毕业/结业/肄业); a level's own code only for an entry still 在读.
const LEVEL_OPTIONS = EDUCATION_LEVEL_GROUPS.flatMap((g) =>
  g.details.length === 0
    ? [{ value: g.level.code, label: g.level.label }]
    : [
        ...g.details.map((d) => ({ value: d.code, label: d.label })),
        { value: g.level.code, label: `${g.level.label}（在读）` },
      ],
);

/** One 学历 entry (全日制 or 非全日制), at `path` ("" when the form is the entry). */
export function EducationEntryFields({ form, path }: { form: NestedForm; path: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NestedSelect form={form} path={at(path, "level")} label="学历" options={LEVEL_OPTIONS} />
      <NestedSelect form={form} path={at(path, "degree")} label="学位" options={DEGREES.options} />
      <NestedText form={form} path={at(path, "school")} label="毕业院校" />
      <NestedText form={form} path={at(path, "major")} label="所学专业" />
      <NestedMonth form={form} path={at(path, "enrolledOn")} label="入学时间" />
      <NestedMonth
        form={form}
        path={at(path, "graduatedOn")}
        label="毕业时间"
        hint="在读的请填写预计毕业时间"
      />
      <div className="sm:col-span-2">
        <NestedCheckbox form={form} path={at(path, "inStudy")} label="在读" />
      </div>
    </div>
  );
}
