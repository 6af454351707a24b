"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type * as z from "zod/mini";
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
import { RestoreNotice } from "@/components/form/restore-notice";
import { FormError } from "@/components/form/form-error";
import { lazySchema } from "@/components/form/form-schema";
import { type NestedForm, useNestedForm } from "@/components/form/use-nested-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ItemRef } from "@/lib/change/items";
import type { CollectionContext } from "@/lib/collection/rules";
import type { SummaryRow } from "@/lib/collection/summary";
import { changeItemAction, type StaleDetail } from "../actions";
import { withPageOwner } from "@/components/session/session-events";

/** Equal as data, whatever the key order (the database does not keep it). */
function sameValues(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

interface FieldsProps {
  form: NestedForm;
  context: CollectionContext;
  pages: readonly { id: string; label: string }[];
  ethnicGroups: readonly { value: string; label: string }[];
  regionLocked: string | null;
}

/**
 * Fetches the builder of an item's schema once the form shows: zod is not part of the page's
 * first load (components/form/form-schema.ts).
 */
type SchemaLoader = () => Promise<(ctx: CollectionContext) => z.ZodMiniType>;

const education: SchemaLoader = () =>
  import("@/lib/collection/schemas/education").then((m) => m.educationEntrySchema);

interface ItemForm {
  schema: SchemaLoader;
  Fields: (p: FieldsProps) => React.ReactNode;
}

/** The form of each item: the collection's own schema and field set, never a copy. */
const FORMS: Record<string, ItemForm> = {
  personal: {
    schema: () => import("@/lib/collection/schemas/personal").then((m) => m.personalSchema),
    Fields: ({ form, context, pages, ethnicGroups }) => (
      <PersonalFields
        form={form}
        context={context}
        pages={pages}
        ethnicGroups={ethnicGroups}
        fixedIdentity
      />
    ),
  },
  work: {
    schema: () => import("@/lib/collection/schemas/work").then((m) => m.workSchema),
    Fields: ({ form, context, regionLocked }) => (
      <WorkFields form={form} regions={context.regions} regionLocked={regionLocked} />
    ),
  },
  professional: {
    schema: () => import("@/lib/collection/schemas/professional").then((m) => m.professionalSchema),
    Fields: ({ form }) => <CertificationFields form={form} />,
  },
  "education.fullTime": {
    schema: education,
    Fields: ({ form }) => <EducationEntryFields form={form} path="" />,
  },
  "education.partTime": {
    schema: education,
    Fields: ({ form }) => <EducationEntryFields form={form} path="" />,
  },
  "professional.qualifications": {
    schema: () =>
      import("@/lib/collection/schemas/professional").then((m) => m.qualificationEntrySchema),
    Fields: ({ form }) => <QualificationEntryFields form={form} path="" />,
  },
  "professional.talents": {
    schema: () => import("@/lib/collection/schemas/professional").then((m) => m.talentEntrySchema),
    Fields: ({ form }) => <TalentEntryFields form={form} path="" />,
  },
  "awards.awards": {
    schema: () => import("@/lib/collection/schemas/awards").then((m) => m.awardEntrySchema),
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
  ethnicGroups,
  regionLocked,
  currentRows,
  storageKey,
}: {
  itemRef: ItemRef;
  initial: Record<string, unknown>;
  baseVersion: number;
  context: CollectionContext;
  pages: readonly { id: string; label: string }[];
  /** 民族 options (ETHNIC_GROUPS.options), for 个人信息. */
  ethnicGroups: readonly { value: string; label: string }[];
  regionLocked: string | null;
  currentRows: SummaryRow[];
  /** Per person and item: unsaved input survives a reload or a new login. */
  storageKey: string;
}) {
  const t = useTranslations("AccountChange");
  const sourceText = useSourceText();
  const router = useRouter();
  const entry = FORMS[itemRef.list ? `${itemRef.step}.${itemRef.list}` : itemRef.step]!;
  const schema = useMemo(
    () => lazySchema(() => entry.schema().then((make) => make(context))),
    [entry, context],
  );
  const form = useNestedForm(schema, initial, { storageKey, revision: baseVersion });
  const { bindForm } = form;
  // Where the next save goes: the item and the version it rests on (both move after a refusal).
  const [target, setTarget] = useState({ ref: itemRef, version: baseVersion });
  const [stale, setStale] = useState<"changed" | "gone" | null>(null);
  const [pending, start] = useTransition();

  function submit(ref: ItemRef, version: number) {
    start(async () => {
      let r = await changeItemAction(
        withPageOwner({ ref, data: form.values, baseVersion: version }),
      );
      if (!r.ok && r.code === "stale") {
        const d = r.detail as StaleDetail;
        // Another item was saved meanwhile and this one is as it was: nothing to decide.
        if (d.current !== null && sameValues(d.current, initial)) {
          r = await changeItemAction(
            withPageOwner({ ref, data: form.values, baseVersion: d.version }),
          );
        }
      }
      if (r.ok) {
        form.markSaved(r.data.version);
        router.push(`/account/change?saved=${r.data.version}`);
        return;
      }
      if (r.code === "stale") {
        const d = r.detail as StaleDetail;
        setTarget({ ref, version: d.version });
        form.setServerErrors({}, undefined);
        if (d.current === null) {
          // The entry is gone: keep this form (a re-read would replace it) and offer to add it.
          setStale("gone");
        } else {
          setStale("changed");
          // Fields this tab left alone take the other save's values; what was typed here stays.
          for (const [key, value] of Object.entries(d.current as Record<string, unknown>)) {
            if (sameValues(form.values[key], initial[key]) && !sameValues(value, initial[key])) {
              form.set(key, value);
            }
          }
          // Re-read the page for the current values shown beside the form.
          router.refresh();
        }
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  function save(e: React.FormEvent) {
    e.preventDefault();
    form.whenValid(() => submit(target.ref, target.version));
  }

  return (
    <form ref={bindForm} noValidate onSubmit={save} className="space-y-6">
      <RestoreNotice form={form} />
      {stale === "changed" && (
        <section aria-label={t("savedNow")} className="space-y-2 rounded-md border bg-muted/30 p-4">
          <p role="alert" className="text-sm font-medium">
            {t("staleChanged")}
          </p>
          <SummaryRows rows={currentRows} variant="screen" />
        </section>
      )}
      {stale === "gone" && target.ref.index !== undefined && (
        <Alert variant="destructive" role="alert">
          <AlertDescription className="space-y-3">
            <p>{t("staleGone")}</p>
            <Button
              type="button"
              size="sm"
              disabled={pending}
              onClick={() => {
                const added = { step: itemRef.step, list: itemRef.list };
                form.whenValid(() => submit(added, target.version));
              }}
            >
              {t("saveAsNew")}
            </Button>
          </AlertDescription>
        </Alert>
      )}
      <entry.Fields
        form={form}
        context={context}
        pages={pages}
        ethnicGroups={ethnicGroups}
        regionLocked={regionLocked}
      />
      {/* useNestedForm keeps the domain's Chinese: the form's message in the reader's language */}
      <FormError message={form.formError && sourceText(form.formError)} form={form} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={() => router.push("/account/change")}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner />}
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
