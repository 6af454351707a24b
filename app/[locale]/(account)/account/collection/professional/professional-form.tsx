"use client";

import {
  CertificationFields,
  QualificationEntryFields,
  TalentEntryFields,
} from "@/components/collection/fields/professional-fields";
import { EntryList } from "@/components/form/entry-list";
import {
  MAX_QUALIFICATIONS,
  MAX_TALENT_ENTRIES,
  professionalSchema,
} from "@/lib/collection/schemas/professional";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function ProfessionalForm(props: StepFormProps) {
  const { form, wizard } = useStepForm("professional", professionalSchema, props);
  return (
    <StepForm title="专业技术信息" form={form} wizard={wizard}>
      <CertificationFields form={form} />
      <EntryList
        form={form}
        path="qualifications"
        title="（二）专业技术资格"
        empty="未取得专业技术资格的可不填写。"
        max={MAX_QUALIFICATIONS}
      >
        {(i) => <QualificationEntryFields form={form} path={`qualifications.${i}`} />}
      </EntryList>
      <EntryList
        form={form}
        path="talents"
        title="（三）高端会计人才"
        empty="未入选高端会计人才培养的可不填写。"
        max={MAX_TALENT_ENTRIES}
      >
        {(i) => <TalentEntryFields form={form} path={`talents.${i}`} />}
      </EntryList>
    </StepForm>
  );
}
