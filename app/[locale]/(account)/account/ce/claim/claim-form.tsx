"use client";

import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { useTranslations } from "next-intl";
import { AttachmentField } from "@/components/collection/attachment-field";
import { NestedRadios, NestedText, NestedYear } from "@/components/form/nested-fields";
import { FormError } from "@/components/form/form-error";
import type { Path } from "@/components/form/paths";
import { useSourceText } from "@/components/i18n/use-source-text";
import { lazySchema } from "@/components/form/form-schema";
import { type NestedForm, useNestedForm } from "@/components/form/use-nested-form";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Spinner } from "@/components/ui/spinner";
import {
  type CeClaimContext,
  CE_CATEGORIES,
  CLAIM_KINDS,
  type ClaimKindCode,
  CREDIT_KIND_RULES,
  CREDIT_KINDS,
  creditsFor,
  type CreditInputs,
  isClaimKind,
  MAX_CONFERENCE_DAYS,
  PAPER_AUTHORSHIPS,
} from "@/lib/ce/credit-kinds";
import { submitClaimAction } from "../actions";
import { withPageOwner } from "@/components/session/session-events";

// Fetched once the form shows: zod is not part of the page's first load (form-schema.ts).
const loadSchema = () => import("./claim.validation").then((m) => m.claimFormSchema);

const EVIDENCE_HINT = {
  EXAM: "evidenceExam",
  CONFERENCE: "evidenceConference",
  DEGREE_COURSE: "evidenceDegreeCourse",
  PAPER: "evidencePaper",
} as const satisfies Record<ClaimKindCode, string>;

/** The credits the typed claim would be worth, or null while it is not known yet. */
function expectedCredits(values: Record<string, unknown>): number | null {
  const kind = values.kind;
  if (!isClaimKind(kind)) return null;
  try {
    if (kind === "CONFERENCE") {
      const days = String(values.days ?? "").trim();
      if (!/^\d+$/.test(days)) return null;
      return creditsFor("CONFERENCE", { days: Number(days) });
    }
    return creditsFor(kind, values as unknown as CreditInputs[typeof kind]);
  } catch {
    return null;
  }
}

export function ClaimForm({
  context,
  storageKey,
}: {
  context: CeClaimContext;
  storageKey: string;
}) {
  const t = useTranslations("CeClaim");
  const sourceText = useSourceText();
  const router = useRouter();
  const schema = useMemo(
    () => lazySchema(() => loadSchema().then((make) => make(context))),
    [context],
  );
  const nested = useNestedForm(
    schema,
    { kind: "", year: context.today.slice(0, 4) },
    { storageKey },
  );
  // The schema and the server write Chinese, as the domain does: shown in the reader's language.
  const form: NestedForm = {
    ...nested,
    error: (path: Path) => {
      const message = nested.error(path);
      return message && sourceText(message);
    },
    formError: nested.formError && sourceText(nested.formError),
  };
  const { bindForm } = form;
  const [pending, start] = useTransition();
  const kind = isClaimKind(form.values.kind) ? form.values.kind : null;
  const credits = expectedCredits(form.values);
  const categoryLabel = (k: ClaimKindCode) => sourceText(CE_CATEGORIES.label(categoryOf(k)) ?? "");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.whenValid(() =>
      start(async () => {
        const r = await submitClaimAction(withPageOwner(form.values));
        if (r.ok) {
          form.markSaved(0);
          router.push("/account/ce?submitted=1");
          return;
        }
        form.setServerErrors(r.fieldErrors, r.formError);
      }),
    );
  }

  return (
    <form ref={bindForm} noValidate onSubmit={submit} className="space-y-6">
      <KindChoice form={form} />
      {kind && (
        <fieldset className="min-w-0 space-y-4">
          <legend className="mb-2 font-medium">{sourceText(CREDIT_KINDS.label(kind) ?? "")}</legend>
          <KindFields form={form} kind={kind} />
          <AttachmentField
            id="attachmentId"
            label={t("evidence")}
            kind="ce-evidence"
            required
            hint={t(EVIDENCE_HINT[kind])}
            value={(form.get("attachmentId") as string | undefined) || undefined}
            onChange={(id) => form.set("attachmentId", id ?? "")}
            error={form.error("attachmentId")}
          />
          <p className="text-sm" aria-live="polite">
            {credits === null
              ? t("creditsCategory", { category: categoryLabel(kind) })
              : t("creditsExpected", { credits: String(credits), category: categoryLabel(kind) })}
          </p>
        </fieldset>
      )}
      <FormError message={form.formError} form={form} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={() => router.push("/account/ce")}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner />}
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

function categoryOf(kind: ClaimKindCode) {
  const c = CREDIT_KIND_RULES[kind].category;
  return c === "ENTERED" ? "PROFESSIONAL" : c;
}

/** 学分来源: the four kinds an accountant claims, each with its equivalence. */
function KindChoice({ form }: { form: NestedForm }) {
  const t = useTranslations("CeClaim");
  const sourceText = useSourceText();
  const id = "kind";
  const error = form.error(id);
  const current = form.get(id);
  return (
    <FormField id={id} label={t("kind")} required error={error} group>
      <RadioGroup
        {...fieldAria(id, error, { group: true })}
        value={isClaimKind(current) ? current : ""}
        onValueChange={(v) => form.set(id, v)}
        className="grid gap-2 sm:grid-cols-2"
      >
        {CLAIM_KINDS.map((k) => (
          <div key={k} className="flex items-start gap-2 rounded-md border p-3">
            <RadioGroupItem value={k} id={`${id}-${k}`} className="mt-0.5" />
            <Label htmlFor={`${id}-${k}`} className="grid min-w-0 gap-1 leading-snug">
              <span>{sourceText(CREDIT_KINDS.label(k) ?? k)}</span>
              <span className="text-xs font-normal text-muted-foreground">
                {sourceText(CREDIT_KIND_RULES[k].equivalence)}
              </span>
            </Label>
          </div>
        ))}
      </RadioGroup>
    </FormField>
  );
}

function KindFields({ form, kind }: { form: NestedForm; kind: ClaimKindCode }) {
  const t = useTranslations("CeClaim");
  const sourceText = useSourceText();
  const yearHint = t("yearHint");
  switch (kind) {
    case "EXAM":
      return (
        <>
          <NestedYear form={form} path="year" label={t("examYear")} hint={yearHint} />
          <NestedText
            form={form}
            path="examName"
            label={t("examName")}
            maxLength={50}
            placeholder={t("examNamePlaceholder")}
          />
          <NestedText
            form={form}
            path="subject"
            label={t("subject")}
            maxLength={50}
            hint={t("subjectHint")}
          />
        </>
      );
    case "CONFERENCE":
      return (
        <>
          <NestedYear form={form} path="year" label={t("conferenceYear")} hint={yearHint} />
          <NestedText form={form} path="name" label={t("conferenceName")} maxLength={100} />
          <NestedText form={form} path="organiser" label={t("organiser")} maxLength={100} />
          <NestedText
            form={form}
            path="days"
            label={t("days")}
            inputMode="numeric"
            maxLength={2}
            className="max-w-40"
            hint={t("daysHint", { max: String(MAX_CONFERENCE_DAYS) })}
          />
        </>
      );
    case "DEGREE_COURSE":
      return (
        <>
          <NestedYear form={form} path="year" label={t("degreeYear")} hint={yearHint} />
          <NestedText form={form} path="school" label={t("school")} maxLength={100} />
          <NestedText form={form} path="major" label={t("major")} maxLength={50} />
          <NestedText form={form} path="courseName" label={t("courseName")} maxLength={100} />
        </>
      );
    case "PAPER":
      return (
        <>
          <NestedYear form={form} path="year" label={t("paperYear")} hint={yearHint} />
          <NestedText form={form} path="title" label={t("paperTitle")} maxLength={200} />
          <NestedText form={form} path="journal" label={t("journal")} maxLength={100} />
          <NestedText
            form={form}
            path="serialNumber"
            label={t("serialNumber")}
            maxLength={20}
            placeholder="CN 11-1234/F"
            hint={t("serialNumberHint")}
          />
          <NestedRadios
            form={form}
            path="authorship"
            label={t("authorship")}
            options={PAPER_AUTHORSHIPS.options.map((o) => ({ ...o, label: sourceText(o.label) }))}
          />
        </>
      );
  }
}
