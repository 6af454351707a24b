"use client";

import { EntryList } from "@/components/form/entry-list";
import {
  NestedRadios,
  NestedSelect,
  NestedText,
  NestedYear,
} from "@/components/form/nested-fields";
import { ABACUS_LEVELS } from "@/lib/codes/abacus-level";
import { TALENT_STATUSES, TALENT_TYPES } from "@/lib/codes/high-end-talent";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "@/lib/codes/professional-qualification";
import {
  MAX_QUALIFICATIONS,
  MAX_TALENT_ENTRIES,
  professionalSchema,
} from "@/lib/collection/schemas/professional";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

const YES_NO = [
  { value: true, label: "是" },
  { value: false, label: "否" },
] as const;

export function ProfessionalForm(props: StepFormProps) {
  const { form, wizard } = useStepForm("professional", professionalSchema, props);
  return (
    <StepForm title="专业技术信息" form={form} wizard={wizard}>
      <section aria-labelledby="cert-title" className="space-y-4">
        <h2 id="cert-title" className="text-base font-semibold">
          （一）专业技术认证
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <NestedRadios form={form} path="isCpa" label="注册会计师" options={YES_NO} />
          <NestedRadios form={form} path="isTaxAdvisor" label="税务师" options={YES_NO} />
          <NestedRadios form={form} path="isAssetAppraiser" label="资产评估师" options={YES_NO} />
        </div>
        <NestedSelect
          form={form}
          path="abacusLevel"
          label="珠算等级"
          options={ABACUS_LEVELS.options}
        />
      </section>
      <EntryList
        form={form}
        path="qualifications"
        title="（二）专业技术资格"
        empty="未取得专业技术资格的可不填写。"
        max={MAX_QUALIFICATIONS}
      >
        {(i) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <NestedSelect
              form={form}
              path={`qualifications.${i}.type`}
              label="类型"
              options={QUALIFICATION_TYPES.options}
            />
            <NestedSelect
              form={form}
              path={`qualifications.${i}.level`}
              label="级别"
              options={QUALIFICATION_LEVELS.options}
            />
            <NestedSelect
              form={form}
              path={`qualifications.${i}.method`}
              label="取得方式"
              options={QUALIFICATION_METHODS.options}
            />
            <NestedYear form={form} path={`qualifications.${i}.year`} label="取得年份" />
            <NestedText
              form={form}
              path={`qualifications.${i}.certificateNo`}
              label="证书编号"
              spellCheck={false}
            />
          </div>
        )}
      </EntryList>
      <EntryList
        form={form}
        path="talents"
        title="（三）高端会计人才"
        empty="未入选高端会计人才培养的可不填写。"
        max={MAX_TALENT_ENTRIES}
      >
        {(i) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <NestedSelect
                form={form}
                path={`talents.${i}.type`}
                label="人才类型"
                options={TALENT_TYPES.options}
              />
            </div>
            <NestedYear form={form} path={`talents.${i}.selectedYear`} label="入选年度" />
            <NestedSelect
              form={form}
              path={`talents.${i}.status`}
              label="培养状态"
              options={TALENT_STATUSES.options}
            />
            {form.get(`talents.${i}.status`) === "GRADUATED" && (
              <NestedYear form={form} path={`talents.${i}.graduatedYear`} label="毕业年度" />
            )}
          </div>
        )}
      </EntryList>
    </StepForm>
  );
}
