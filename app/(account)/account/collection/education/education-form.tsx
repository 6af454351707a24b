"use client";

import { EntryList } from "@/components/form/entry-list";
import {
  NestedCheckbox,
  NestedMonth,
  NestedSelect,
  NestedText,
} from "@/components/form/nested-fields";
import type { NestedForm } from "@/components/form/use-nested-form";
import { DEGREES } from "@/lib/codes/degree";
import { EDUCATION_LEVEL_GROUPS } from "@/lib/codes/education-level";
import { educationSchema, MAX_EDUCATION_ENTRIES } from "@/lib/collection/schemas/education";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

// GB/T 4658 detail codes (…毕业/结业/肄业); a level's own code only for an entry still 在读.
const LEVEL_OPTIONS = EDUCATION_LEVEL_GROUPS.flatMap((g) =>
  g.details.length === 0
    ? [{ value: g.level.code, label: g.level.label }]
    : [
        ...g.details.map((d) => ({ value: d.code, label: d.label })),
        { value: g.level.code, label: `${g.level.label}（在读）` },
      ],
);

function EntryFields({ form, path }: { form: NestedForm; path: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NestedSelect form={form} path={`${path}.level`} label="学历" options={LEVEL_OPTIONS} />
      <NestedSelect form={form} path={`${path}.degree`} label="学位" options={DEGREES.options} />
      <NestedText form={form} path={`${path}.school`} label="毕业院校" />
      <NestedText form={form} path={`${path}.major`} label="所学专业" />
      <NestedMonth form={form} path={`${path}.enrolledOn`} label="入学时间" />
      <NestedMonth
        form={form}
        path={`${path}.graduatedOn`}
        label="毕业时间"
        hint="在读的请填写预计毕业时间"
      />
      <div className="sm:col-span-2">
        <NestedCheckbox form={form} path={`${path}.inStudy`} label="在读" />
      </div>
    </div>
  );
}

export function EducationForm(props: StepFormProps) {
  const { form, wizard } = useStepForm("education", educationSchema, props);
  return (
    <StepForm
      title="学历信息"
      description="请从最高学历开始填写。全日制教育至少填写一条；没有非全日制教育经历的，非全日制教育可不填。"
      form={form}
      wizard={wizard}
    >
      <EntryList
        form={form}
        path="fullTime"
        title="全日制教育"
        empty="尚未填写全日制教育，请点击“新增”。"
        max={MAX_EDUCATION_ENTRIES}
      >
        {(i) => <EntryFields form={form} path={`fullTime.${i}`} />}
      </EntryList>
      <EntryList
        form={form}
        path="partTime"
        title="非全日制教育"
        empty="无非全日制教育经历的可不填写。"
        max={MAX_EDUCATION_ENTRIES}
      >
        {(i) => <EntryFields form={form} path={`partTime.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
