"use client";

import { useTranslations } from "next-intl";
import { NestedCheckbox } from "@/components/form/nested-fields";
import type { ContentText } from "@/lib/content/content-blocks";
import { noticeSchema } from "@/lib/collection/schemas/notice";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

const schema = () => noticeSchema;

export function NoticeForm({ notice, ...props }: StepFormProps & { notice: ContentText }) {
  const t = useTranslations("CollectionWizard");
  const { form, wizard } = useStepForm("notice", schema, props);
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
