"use client";

import { WorkFields } from "@/components/collection/fields/work-fields";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { STUDENT_CARD_REQUIRED } from "@/lib/collection/rules";
import { workSchema } from "@/lib/collection/schemas/work";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function WorkForm({
  hasStudentCard,
  ...props
}: StepFormProps & {
  hasStudentCard: boolean;
}) {
  const { form, wizard } = useStepForm("work", workSchema, props);
  return (
    <StepForm title="工作信息" form={form} wizard={wizard}>
      <WorkFields
        form={form}
        regions={props.context.regions}
        studentNotice={
          !hasStudentCard && (
            <Alert>
              <AlertDescription>
                {STUDENT_CARD_REQUIRED}。请在
                <Link href="/account/collection/personal" className="mx-1 text-primary underline">
                  个人信息
                </Link>
                中上传学生证，否则无法提交。
              </AlertDescription>
            </Alert>
          )
        }
      />
    </StepForm>
  );
}
