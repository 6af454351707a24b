import type { Metadata } from "next";
import Link from "next/link";
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
import { regionName } from "@/lib/region/divisions";
import { DeleteEntryButton } from "./change-entry-buttons";

export const metadata: Metadata = { title: "信息变更" };

function editHref(step: string, list?: string, index?: number) {
  const q = new URLSearchParams({ step });
  if (list) q.set("list", list);
  if (index !== undefined) q.set("index", String(index));
  return `/account/change/edit?${q}`;
}

// 信息变更 (用户操作手册 3.1): every information item of the current archive version, each with
// 变更信息 (and for list entries 删除, for lists 新增); the fields that never change, with why.
export default async function ChangePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession("/account/change");
  const saved = (await searchParams).saved;
  const archive = await currentArchive(db, session.personId);
  if (!archive) return <NotCollectedCard title="信息变更" needsFor="办理信息变更" />;
  const locks = await editLocks(db, session.personId);
  const { snapshot, version } = archive;
  const options = { regionLabel: (code: string) => regionName(code) ?? code };
  const identity = registeredFactRows(snapshot.person, snapshot.personal).filter((r) =>
    IMMUTABLE_FIELDS.some((f) => f.label === r.label),
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">信息变更</h1>
        <Link href="/account/change/history" className="text-sm text-primary underline">
          变更记录
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">
        选择要变更的信息项，点击“变更信息”，修改后点击“保存”。每次保存都会生成新的档案版本（当前为第
        {version}版）。
      </p>
      {typeof saved === "string" && Number(saved) === version && (
        <Alert variant="success" role="status">
          <AlertDescription>变更已保存，已生成第{version}版档案。</AlertDescription>
        </Alert>
      )}
      {locks.transfer && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{locks.transfer}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>不可变更的信息</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <SummaryRows rows={identity} variant="screen" />
          <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
            {IMMUTABLE_FIELDS.map((f) => (
              <li key={f.field}>
                {f.label}：{f.reason}。如需更正，请{f.instead}。
              </li>
            ))}
          </ul>
          <MyOfficeLink />
        </CardContent>
      </Card>
      {CHANGE_ITEMS.map((item) => {
        const section = summarizeStep(item.step, snapshot, {
          ...options,
          omitRegisteredFacts: true,
        }) ?? { rows: [], lists: [], attachments: [] };
        const hasOwnFields = section.rows.length > 0 || section.attachments.length > 0;
        return (
          <Card key={item.step}>
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle>{item.label}</CardTitle>
              {hasOwnFields && !locks.transfer && (
                <Button asChild size="sm">
                  <Link href={editHref(item.step)} aria-label={`变更信息（${item.label}）`}>
                    变更信息
                  </Link>
                </Button>
              )}
            </CardHeader>
            <CardContent className="space-y-4">
              {section.rows.length > 0 && <SummaryRows rows={section.rows} variant="screen" />}
              {item.step === "work" && locks.region && (
                <p className="text-sm text-muted-foreground">注：{locks.region}。</p>
              )}
              {item.lists.map((list) => {
                const shown = section.lists.find((l) => l.key === list.key);
                const entries = shown?.entries ?? [];
                return (
                  <section key={list.key} className="space-y-3" aria-label={list.label}>
                    {list.label !== item.label && <h3 className="font-medium">{list.label}</h3>}
                    {entries.length === 0 && (
                      <p className="text-sm text-muted-foreground">{shown?.empty ?? "无"}</p>
                    )}
                    {entries.map((rows, index) => {
                      const label = `${list.label}第${index + 1}条`;
                      return (
                        <div key={index} className="space-y-2 rounded-md border p-3">
                          <div className="flex flex-wrap items-center justify-between gap-2">
                            <p className="text-sm font-medium">第 {index + 1} 条</p>
                            {!locks.transfer && (
                              <div className="flex gap-2">
                                <Button asChild size="sm" variant="secondary">
                                  <Link
                                    href={editHref(item.step, list.key, index)}
                                    aria-label={`变更信息（${label}）`}
                                  >
                                    变更信息
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
                        <Link href={editHref(item.step, list.key)} aria-label={`新增${list.label}`}>
                          新增
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
    </div>
  );
}
