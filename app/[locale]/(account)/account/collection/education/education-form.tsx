"use client";

import { EducationEntryFields } from "@/components/collection/fields/education-fields";
import { EntryList } from "@/components/form/entry-list";
import { educationSchema, MAX_EDUCATION_ENTRIES } from "@/lib/collection/schemas/education";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

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
        {(i) => <EducationEntryFields form={form} path={`fullTime.${i}`} />}
      </EntryList>
      <EntryList
        form={form}
        path="partTime"
        title="非全日制教育"
        empty="无非全日制教育经历的可不填写。"
        max={MAX_EDUCATION_ENTRIES}
      >
        {(i) => <EducationEntryFields form={form} path={`partTime.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
