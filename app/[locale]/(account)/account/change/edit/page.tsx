import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { redirect } from "next/navigation";
import { SummaryRows } from "@/components/collection/summary-view";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { openChangeItem } from "@/lib/change/change-service";
import { changeItem, type ItemRef } from "@/lib/change/items";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { summarizeStep, type SummaryRow } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { regionName } from "@/lib/region/divisions";
import { ChangeForm } from "./change-form";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountChange" });
  return { title: t("editTitle") };
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** What is being changed, as lib/change/items.ts's itemRefLabel says it, in the reader's language. */
function heading(
  ref: ItemRef,
  t: (key: "newEntry" | "entryN", v?: { n: number }) => string,
  sourceText: (s: string) => string,
) {
  const item = changeItem(ref.step);
  const list = item.lists.find((l) => l.key === ref.list);
  if (!list) return sourceText(item.label);
  const entry = ref.index === undefined ? t("newEntry") : t("entryN", { n: ref.index + 1 });
  // 奖励信息's one list has the item's own name: "奖励信息 › 第2条", not "奖励信息 › 奖励信息 › …".
  const names = list.label === item.label ? [item.label] : [item.label, list.label];
  return [...names.map(sourceText), entry].join(" › ");
}

export default async function ChangeEditPage({ params, searchParams }: Props) {
  await localeOf(params);
  const q = await searchParams;
  const session = await requireSession("/account/change");
  const index = one(q.index);
  const opened = await openChangeItem(db, session.personId, {
    step: one(q.step),
    list: one(q.list),
    index: index === undefined ? undefined : Number(index),
  });
  if (opened.kind === "not-collected") redirect("/account/change");
  const [t, sourceText] = await Promise.all([getTranslations("AccountChange"), getSourceText()]);
  const back = (
    <Link href="/account/change" className="text-sm text-primary underline">
      {t("back")}
    </Link>
  );
  if (opened.kind === "gone") {
    return (
      <div className="space-y-4">
        <Alert variant="destructive" role="alert">
          <AlertDescription>{sourceText(opened.message)}</AlertDescription>
        </Alert>
        {back}
      </div>
    );
  }
  const { ref, snapshot, locks } = opened;
  const section = summarizeStep(ref.step, snapshot, {
    regionLabel: (code) => regionName(code) ?? code,
    omitRegisteredFacts: true,
  });
  // What is saved now, shown beside the form when another save came first.
  const currentRows: SummaryRow[] =
    ref.list === undefined
      ? (section?.rows ?? [])
      : ref.index === undefined
        ? []
        : (section?.lists.find((l) => l.key === ref.list)?.entries[ref.index] ?? []);
  const idType = snapshot.person.idType;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{heading(ref, t, sourceText)}</h1>
        {back}
      </div>
      {locks.transfer ? (
        <>
          <Alert variant="destructive" role="alert">
            <AlertDescription>{sourceText(locks.transfer)}</AlertDescription>
          </Alert>
          <SummaryRows rows={currentRows} variant="screen" />
        </>
      ) : (
        <ClientMessages namespaces={["AccountChange"]}>
          <ChangeForm
            itemRef={ref}
            initial={(opened.values ?? {}) as Record<string, unknown>}
            baseVersion={opened.version}
            context={opened.context}
            pages={isDocumentTypeCode(idType) ? DOCUMENT_TYPES[idType].attachments : []}
            ethnicGroups={ref.step === "personal" ? ETHNIC_GROUPS.options : []}
            regionLocked={locks.region}
            currentRows={currentRows}
            storageKey={`kuaiji:change:${session.personId}:${[ref.step, ref.list, ref.index].join(".")}`}
          />
        </ClientMessages>
      )}
    </div>
  );
}
