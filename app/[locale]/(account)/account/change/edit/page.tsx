import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SummaryRows } from "@/components/collection/summary-view";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { openChangeItem } from "@/lib/change/change-service";
import { itemRefLabel } from "@/lib/change/items";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { summarizeStep, type SummaryRow } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { DOCUMENT_TYPES, isDocumentTypeCode } from "@/lib/identity/document-types";
import { regionName } from "@/lib/region/divisions";
import { ChangeForm } from "./change-form";

export const metadata: Metadata = { title: "信息变更 · 变更信息" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function ChangeEditPage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const session = await requireSession("/account/change");
  const index = one(q.index);
  const opened = await openChangeItem(db, session.personId, {
    step: one(q.step),
    list: one(q.list),
    index: index === undefined ? undefined : Number(index),
  });
  if (opened.kind === "not-collected") redirect("/account/change");
  const back = (
    <Link href="/account/change" className="text-sm text-primary underline">
      返回信息变更
    </Link>
  );
  if (opened.kind === "gone") {
    return (
      <div className="space-y-4">
        <Alert variant="destructive" role="alert">
          <AlertDescription>{opened.message}</AlertDescription>
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
        <h1 className="text-xl font-semibold">{itemRefLabel(ref)}</h1>
        {back}
      </div>
      {locks.transfer ? (
        <>
          <Alert variant="destructive" role="alert">
            <AlertDescription>{locks.transfer}</AlertDescription>
          </Alert>
          <SummaryRows rows={currentRows} variant="screen" />
        </>
      ) : (
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
      )}
    </div>
  );
}
