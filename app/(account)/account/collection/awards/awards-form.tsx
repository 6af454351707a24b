"use client";

import { EntryList } from "@/components/form/entry-list";
import { NestedSelect, NestedText, NestedYear } from "@/components/form/nested-fields";
import { AWARD_LEVELS } from "@/lib/codes/award-level";
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
        {(i) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <NestedText form={form} path={`awards.${i}.name`} label="奖励名称" />
            </div>
            <NestedSelect
              form={form}
              path={`awards.${i}.level`}
              label="奖励级别"
              options={AWARD_LEVELS.options}
            />
            <NestedYear form={form} path={`awards.${i}.year`} label="获奖年份" />
          </div>
        )}
      </EntryList>
    </StepForm>
  );
}
