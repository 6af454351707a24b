"use client";

import { useTranslations } from "next-intl";
import { WorkFields } from "@/components/collection/fields/work-fields";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { StepForm } from "../step-form";
import { type StepFormProps, type StepSchemaLoader, useStepForm } from "../use-wizard-step";

const loadSchema: StepSchemaLoader = () =>
  import("@/lib/collection/schemas/work").then((m) => m.workSchema);

export function WorkForm({
  hasStudentCard,
  ...props
}: StepFormProps & {
  hasStudentCard: boolean;
}) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("work", loadSchema, props);
  return (
    <StepForm title={t("step.work")} form={form} wizard={wizard}>
      <WorkFields
        form={form}
        regions={props.context.regions}
        studentNotice={
          !hasStudentCard && (
            <Alert>
              <AlertDescription>
                {t.rich("studentNotice", {
                  link: (chunks) => (
                    <Link
                      href="/account/collection/personal"
                      className="mx-1 text-primary underline"
                    >
                      {chunks}
                    </Link>
                  ),
                })}
              </AlertDescription>
            </Alert>
          )
        }
      />
    </StepForm>
  );
}
