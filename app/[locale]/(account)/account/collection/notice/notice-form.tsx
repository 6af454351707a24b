"use client";

import { useTranslations } from "next-intl";
import { NestedCheckbox } from "@/components/form/nested-fields";
import type { ContentText } from "@/lib/content/content-blocks";
import { StepForm } from "../step-form";
import { type StepFormProps, type StepSchemaLoader, useStepForm } from "../use-wizard-step";

// The pledge is the same for everyone: the builder ignores the context.
const loadSchema: StepSchemaLoader = () =>
  import("@/lib/collection/schemas/notice").then((m) => () => m.noticeSchema);

export function NoticeForm({ notice, ...props }: StepFormProps & { notice: ContentText }) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("notice", loadSchema, props);
  return (
    <StepForm title={t("step.notice")} form={form} wizard={wizard}>
      {/* configured content, in 简体中文 whatever the page's language */}
      <section
        lang="zh-CN"
        aria-labelledby="notice-title"
        className="rounded-md border bg-muted/30 p-4 text-sm leading-relaxed"
      >
        <h2 id="notice-title" className="mb-3 text-base font-semibold">
          {notice.title}
        </h2>
        {notice.paragraphs.map((p, i) => (
          <p key={i} className="mb-2">
            {p}
          </p>
        ))}
      </section>
      <NestedCheckbox form={form} path="truthPledge" label={t("pledge")} />
    </StepForm>
  );
}
