import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import type { StepId } from "@/lib/collection/steps";

/** A wizard page's title, "信息采集 · 学历信息", in the reader's language. */
export async function stepMetadata(
  params: Promise<{ locale: string }>,
  step: StepId,
): Promise<Metadata> {
  const t = await getTranslations({
    locale: await localeOf(params),
    namespace: "CollectionWizard",
  });
  return { title: t("pageTitle", { step: t(`step.${step}`) }) };
}

export type PageProps = { params: Promise<{ locale: string }> };
