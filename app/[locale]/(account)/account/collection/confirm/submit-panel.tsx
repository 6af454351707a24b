"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { isStepId, type StepId } from "@/lib/collection/steps";
import { useSourceText } from "@/components/i18n/use-source-text";
import { isSessionEnded } from "@/lib/auth/session-ended";
import { offerLogin } from "@/components/session/session-events";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { submitCollectionAction } from "../actions";
import { useFreshDraft } from "../fresh-draft";
import { withPageOwner } from "@/components/session/session-events";

const SUBMIT_NETWORK_FAILURE = "网络异常，提交未完成，请稍后重试";

interface Refusal {
  formError?: string;
  /** Each problem (the domain's Chinese) with its step (the key's first segment): a 修改 link. */
  problems: { key: string; step?: StepId; message: string }[];
}

/**
 * 上一步 / 提交 of 确认信息. A refusal lists every problem with a link to the step to fix it.
 * `revision`: the draft the page shows — fetched again if this tab has saved a newer one since.
 */
export function SubmitPanel({ revision, revisionKey }: { revision: number; revisionKey: string }) {
  const t = useTranslations("CollectionWizard");
  const sourceText = useSourceText();
  const router = useRouter();
  useFreshDraft(revisionKey, revision);
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Stays true while 完成 loads: the transition ends before the navigation does, and a second
  // click would only earn 您已采集过信息.
  const [submitted, setSubmitted] = useState(false);

  function submit() {
    setRefusal(null);
    startTransition(async () => {
      // A lost connection rejects the call: say so here instead of replacing the page.
      const r = await submitCollectionAction(withPageOwner({})).catch(() => null);
      if (r === null) {
        setRefusal({ formError: SUBMIT_NETWORK_FAILURE, problems: [] });
        return;
      }
      if (r.ok) {
        setSubmitted(true);
        router.push("/account/collection/done");
        return;
      }
      // The login ended: the login in place, then 提交 again.
      if (isSessionEnded(r.formError)) offerLogin();
      setRefusal({
        formError: r.formError,
        problems: Object.entries(r.fieldErrors).map(([key, message]) => {
          const step = key.split(".")[0];
          return { key, message, step: isStepId(step) ? step : undefined };
        }),
      });
    });
  }

  const busy = pending || submitted;
  return (
    <div className="space-y-4">
      {refusal && (
        <Alert variant="destructive">
          <AlertTitle>
            {refusal.formError ? sourceText(refusal.formError) : t("submitFailed")}
          </AlertTitle>
          {refusal.problems.length > 0 && (
            <AlertDescription>
              <ul className="list-disc space-y-1 pl-5">
                {refusal.problems.map((p) => {
                  const message = sourceText(p.message);
                  return (
                    <li key={p.key}>
                      {p.step ? (
                        <Link
                          href={`/account/collection/${p.step}`}
                          className="underline underline-offset-4"
                        >
                          {t("problem", { step: t(`step.${p.step}`), message })}
                        </Link>
                      ) : (
                        message
                      )}
                    </li>
                  );
                })}
              </ul>
            </AlertDescription>
          )}
        </Alert>
      )}
      <p className="text-sm leading-relaxed">{t("submitNote")}</p>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        <Button asChild variant="outline">
          <Link href="/account/collection/awards">{t("back")}</Link>
        </Button>
        <Button type="button" onClick={submit} disabled={busy} aria-busy={busy}>
          {busy && <Spinner label={null} size="sm" className="text-current" />}
          {busy ? t("submitting") : t("submit")}
        </Button>
      </div>
    </div>
  );
}
