"use client";

import { AwardEntryFields } from "@/components/collection/fields/awards-fields";
import { EntryList } from "@/components/form/entry-list";
import { awardsSchema, MAX_AWARDS } from "@/lib/collection/schemas/awards";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function AwardsForm(props: StepFormProps) {
  const { form, wizard } = useStepForm("awards", awardsSchema, props);
  return (
    <StepForm
      title="奖励信息"
      description="填写在会计工作中获得的表彰奖励；没有的可不填写，直接点击“下一步”。"
      form={form}
      wizard={wizard}
    >
      <EntryList form={form} path="awards" title="奖励信息" empty="暂无奖励信息。" max={MAX_AWARDS}>
        {(i) => <AwardEntryFields form={form} path={`awards.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
