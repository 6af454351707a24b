import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { NotCollectedCard } from "@/components/collection/not-collected-card";
import { SummaryRows } from "@/components/collection/summary-view";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MyOfficeLink } from "@/components/help/my-office-link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-session";
import { IMMUTABLE_FIELDS } from "@/lib/change/immutable";
import { CHANGE_ITEMS } from "@/lib/change/items";
import { editLocks } from "@/lib/person/locks";
import { currentArchive } from "@/lib/collection/archive-service";
import { registeredFactRows, summarizeStep } from "@/lib/collection/summary";
import { db } from "@/lib/db/client";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { regionName } from "@/lib/region/divisions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DeleteEntryButton } from "./change-entry-buttons";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountChange" });
  return { title: t("title") };
}

function editHref(step: string, list?: string, index?: number) {
  const q = new URLSearchParams({ step });
  if (list) q.set("list", list);
  if (index !== undefined) q.set("index", String(index));
  return `/account/change/edit?${q}`;
}

// 信息变更 (用户操作手册 3.1): every information item of the current archive version, each with
// 变更信息 (and for list entries 删除, for lists 新增); the fields that never change, with why.
// The items' names, the locks and the reasons are the domain's Chinese (getSourceText).
export default async function ChangePage({ params, searchParams }: Props) {
  await localeOf(params);
  const session = await requireSession("/account/change");
  const saved = (await searchParams).saved;
  const [archive, t, sourceText] = await Promise.all([
    currentArchive(db, session.personId),
    getTranslations("AccountChange"),
    getSourceText(),
  ]);
  if (!archive) return <NotCollectedCard title={t("title")} needsFor={t("needsFor")} />;
  const locks = await editLocks(db, session.personId);
  const { snapshot, version } = archive;
  const options = { regionLabel: (code: string) => regionName(code) ?? code };
  const identity = registeredFactRows(snapshot.person, snapshot.personal).filter((r) =>
    IMMUTABLE_FIELDS.some((f) => f.label === r.label),
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/account/change/history" className="text-sm text-primary underline">
          {t("history")}
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">{t("intro", { version })}</p>
      {typeof saved === "string" && Number(saved) === version && (
        <Alert variant="success" role="status">
          <AlertDescription>{t("saved", { version })}</AlertDescription>
        </Alert>
      )}
      {locks.transfer && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{sourceText(locks.transfer)}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("immutable")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <SummaryRows rows={identity} variant="screen" />
          <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
            {IMMUTABLE_FIELDS.map((f) => (
              <li key={f.field}>
                {t("immutableRule", {
                  label: sourceText(f.label),
                  reason: sourceText(f.reason),
                  instead: sourceText(f.instead),
                })}
              </li>
            ))}
          </ul>
          <MyOfficeLink />
        </CardContent>
      </Card>
      <ClientMessages namespaces={["AccountChange"]}>
        {CHANGE_ITEMS.map((item) => {
          const itemLabel = sourceText(item.label);
          const section = summarizeStep(item.step, snapshot, {
            ...options,
            omitRegisteredFacts: true,
          }) ?? { rows: [], lists: [], attachments: [] };
          const hasOwnFields = section.rows.length > 0 || section.attachments.length > 0;
          return (
            <Card key={item.step}>
              <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                <CardTitle>{itemLabel}</CardTitle>
                {hasOwnFields && !locks.transfer && (
                  <Button asChild size="sm">
                    <Link
                      href={editHref(item.step)}
                      aria-label={t("changeNamed", { name: itemLabel })}
                    >
                      {t("change")}
                    </Link>
                  </Button>
                )}
              </CardHeader>
              <CardContent className="space-y-4">
                {section.rows.length > 0 && <SummaryRows rows={section.rows} variant="screen" />}
                {item.step === "work" && locks.region && (
                  <p className="text-sm text-muted-foreground">
                    {t("note", { note: sourceText(locks.region) })}
                  </p>
                )}
                {item.lists.map((list) => {
                  const shown = section.lists.find((l) => l.key === list.key);
                  const entries = shown?.entries ?? [];
                  const listLabel = sourceText(list.label);
                  return (
                    <section key={list.key} className="space-y-3" aria-label={listLabel}>
                      {list.label !== item.label && <h3 className="font-medium">{listLabel}</h3>}
                      {entries.length === 0 && (
                        <p className="text-sm text-muted-foreground">
                          {shown ? sourceText(shown.empty) : t("none")}
                        </p>
                      )}
                      {entries.map((rows, index) => {
                        const label = t("entryOf", { list: listLabel, n: index + 1 });
                        return (
                          <div key={index} className="space-y-2 rounded-md border p-3">
                            <div className="flex flex-wrap items-center justify-between gap-2">
                              <p className="text-sm font-medium">{t("entry", { n: index + 1 })}</p>
                              {!locks.transfer && (
                                <div className="flex gap-2">
                                  <Button asChild size="sm" variant="secondary">
                                    <Link
                                      href={editHref(item.step, list.key, index)}
                                      aria-label={t("changeNamed", { name: label })}
                                    >
                                      {t("change")}
                                    </Link>
                                  </Button>
                                  <DeleteEntryButton
                                    step={item.step}
                                    list={list.key}
                                    index={index}
                                    label={label}
                                    baseVersion={version}
                                  />
                                </div>
                              )}
                            </div>
                            <SummaryRows rows={rows} variant="screen" />
                          </div>
                        );
                      })}
                      {!locks.transfer && (
                        <Button asChild size="sm" variant="outline">
                          <Link
                            href={editHref(item.step, list.key)}
                            aria-label={t("addNamed", { name: listLabel })}
                          >
                            {t("add")}
                          </Link>
                        </Button>
                      )}
                    </section>
                  );
                })}
              </CardContent>
            </Card>
          );
        })}
      </ClientMessages>
    </div>
  );
}
