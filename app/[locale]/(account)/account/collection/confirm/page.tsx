import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { SummarySectionBody } from "@/components/collection/summary-view";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DATA_STEP_IDS, type DataStepId } from "@/lib/collection/steps";
import { type SummaryInput, type SummarySection, summarizeStep } from "@/lib/collection/summary";
import { stepSchema, validateWholeRecord } from "@/lib/collection/whole-record";
import { regionName } from "@/lib/region/divisions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { draftRevisionKey, openStep } from "../open-step";
import { type PageProps, stepMetadata } from "../page-title";
import { getSourceText } from "../source-text";
import { WizardSteps } from "../wizard-steps";
import { sectionInLanguage } from "./section-text";
import { SubmitPanel } from "./submit-panel";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "confirm");
}

/** What 确认信息 shows for one step: its summary, and the problems submit would refuse. */
interface StepView {
  step: DataStepId;
  section?: SummarySection;
  /** Incomplete: the step does not parse, or submit's whole-record check refuses it. */
  incomplete: boolean;
  problems: string[];
}

export default async function ConfirmPage({ params }: PageProps) {
  const locale = await localeOf(params);
  // Redirects to 完成 once collected, or to the first incomplete step (no skipping by URL).
  const { draft, context, person, session } = await openStep("confirm");
  // Each saved step is parsed data once it passed 下一步, but is parsed again here: a value fine
  // when saved may be wrong now (a year in a new birth-date context, a 在校生 without 学生证),
  // and the person should see that before 提交 rather than after.
  const whole = validateWholeRecord(draft.steps, context);
  const t = await getTranslations("CollectionWizard");
  const text = await getSourceText();
  const options = { regionLabel: (code: string) => regionName(code) ?? code };
  const views: StepView[] = DATA_STEP_IDS.map((step) => {
    const parsed = stepSchema(step, context).safeParse(draft.steps[step]);
    const input: SummaryInput = { person, [step]: parsed.data };
    const problems = whole.ok ? [] : (whole.errors[step] ?? []).map((i) => text(i.message));
    const section = parsed.success ? summarizeStep(step, input, options) : undefined;
    return {
      step,
      section: section && sectionInLanguage(section, text, locale === "en"),
      problems,
      incomplete: !parsed.success || problems.length > 0,
    };
  });

  return (
    <div className="min-w-0 space-y-6">
      <WizardSteps current="confirm" />
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t("step.confirm")}</h1>
        <p className="text-sm text-muted-foreground">{t("confirmIntro")}</p>
      </div>
      {views
        // 阅读须知 has nothing to show; it appears only if its pledge is somehow missing.
        .filter((v) => v.step !== "notice" || v.incomplete)
        .map((v) => (
          <StepGroup key={v.step} view={v} title={t(`step.${v.step}`)} />
        ))}
      <ClientMessages namespaces={["CollectionWizard"]}>
        <SubmitPanel revision={draft.revision} revisionKey={draftRevisionKey(session.personId)} />
      </ClientMessages>
    </div>
  );
}

async function StepGroup({ view, title }: { view: StepView; title: string }) {
  const t = await getTranslations("CollectionWizard");
  const section = view.section;
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle id={`confirm-${view.step}`}>{title}</CardTitle>
        <Link
          href={`/account/collection/${view.step}`}
          className="text-sm text-primary underline underline-offset-4"
        >
          {t.rich("edit", {
            step: title,
            hidden: (chunks) => <span className="sr-only">{chunks}</span>,
          })}
        </Link>
      </CardHeader>
      <CardContent className="space-y-4">
        {view.incomplete && (
          <Alert variant="destructive" role="status">
            <AlertDescription>
              <p>{t("incomplete")}</p>
              {view.problems.length > 0 && (
                <ul className="list-disc pl-5">
                  {view.problems.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              )}
            </AlertDescription>
          </Alert>
        )}
        {section && (
          <SummarySectionBody
            section={section}
            variant="screen"
            entryTitle={(n) => t("entry", { n })}
            attachmentsTitle={t("attachments")}
          />
        )}
      </CardContent>
    </Card>
  );
}
