"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { z } from "zod";
import { AwardEntryFields } from "@/components/collection/fields/awards-fields";
import { EducationEntryFields } from "@/components/collection/fields/education-fields";
import { PersonalFields } from "@/components/collection/fields/personal-fields";
import {
  CertificationFields,
  QualificationEntryFields,
  TalentEntryFields,
} from "@/components/collection/fields/professional-fields";
import { WorkFields } from "@/components/collection/fields/work-fields";
import { SummaryRows } from "@/components/collection/summary-view";
import { type NestedForm, useNestedForm } from "@/components/form/use-nested-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ItemRef } from "@/lib/change/items";
import type { CollectionContext } from "@/lib/collection/rules";
import { awardEntrySchema } from "@/lib/collection/schemas/awards";
import { educationEntrySchema } from "@/lib/collection/schemas/education";
import { personalSchema } from "@/lib/collection/schemas/personal";
import {
  professionalSchema,
  qualificationEntrySchema,
  talentEntrySchema,
} from "@/lib/collection/schemas/professional";
import { workSchema } from "@/lib/collection/schemas/work";
import type { SummaryRow } from "@/lib/collection/summary";
import { changeItemAction } from "../actions";

interface FieldsProps {
  form: NestedForm;
  context: CollectionContext;
  pages: readonly { id: string; label: string }[];
  regionLocked: string | null;
}

/** The form of each item: the collection's own schema and field set, never a copy. */
const FORMS: Record<
  string,
  { schema: (ctx: CollectionContext) => z.ZodType; Fields: (p: FieldsProps) => React.ReactNode }
> = {
  personal: {
    schema: personalSchema,
    Fields: ({ form, context, pages }) => (
      <PersonalFields form={form} context={context} pages={pages} fixedIdentity />
    ),
  },
  work: {
    schema: workSchema,
    Fields: ({ form, context, regionLocked }) => (
      <WorkFields form={form} regions={context.regions} regionLocked={regionLocked} />
    ),
  },
  professional: {
    schema: professionalSchema,
    Fields: ({ form }) => <CertificationFields form={form} />,
  },
  "education.fullTime": {
    schema: educationEntrySchema,
    Fields: ({ form }) => <EducationEntryFields form={form} path="" />,
  },
  "education.partTime": {
    schema: educationEntrySchema,
    Fields: ({ form }) => <EducationEntryFields form={form} path="" />,
  },
  "professional.qualifications": {
    schema: qualificationEntrySchema,
    Fields: ({ form }) => <QualificationEntryFields form={form} path="" />,
  },
  "professional.talents": {
    schema: talentEntrySchema,
    Fields: ({ form }) => <TalentEntryFields form={form} path="" />,
  },
  "awards.awards": {
    schema: awardEntrySchema,
    Fields: ({ form }) => <AwardEntryFields form={form} path="" />,
  },
};

/**
 * 变更信息 → edit → 保存. A save refused because another page saved first keeps everything typed
 * here, shows what is saved now (the page re-reads it) and lets the person save again on top.
 */
export function ChangeForm({
  itemRef,
  initial,
  baseVersion,
  context,
  pages,
  regionLocked,
  currentRows,
}: {
  itemRef: ItemRef;
  initial: Record<string, unknown>;
  baseVersion: number;
  context: CollectionContext;
  pages: readonly { id: string; label: string }[];
  regionLocked: string | null;
  currentRows: SummaryRow[];
}) {
  const router = useRouter();
  const entry = FORMS[itemRef.list ? `${itemRef.step}.${itemRef.list}` : itemRef.step]!;
  const schema = useMemo(() => entry.schema(context), [entry, context]);
  const form = useNestedForm(schema, initial);
  const [stale, setStale] = useState(false);
  const [pending, start] = useTransition();

  function save(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    start(async () => {
      const r = await changeItemAction({ ref: itemRef, data: form.values, baseVersion });
      if (r.ok) {
        router.push(`/account/change?saved=${r.data.version}`);
        return;
      }
      if (r.code?.startsWith("stale:")) {
        setStale(true);
        form.setServerErrors({}, r.formError);
        // Re-read the page: the current values and version arrive; this form keeps its input.
        router.refresh();
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={save} className="space-y-6">
      {stale && currentRows.length > 0 && (
        <section
          aria-label="当前已保存的信息"
          className="space-y-2 rounded-md border bg-muted/30 p-4"
        >
          <h2 className="font-medium">当前已保存的信息</h2>
          <SummaryRows rows={currentRows} variant="screen" />
          <p className="text-sm text-muted-foreground">
            下面仍是您填写的内容。核对后可再次点击“保存”，以您填写的内容为准。
          </p>
        </section>
      )}
      <entry.Fields form={form} context={context} pages={pages} regionLocked={regionLocked} />
      {form.formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{form.formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={() => router.push("/account/change")}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner />}
          保存
        </Button>
      </div>
    </form>
  );
}
