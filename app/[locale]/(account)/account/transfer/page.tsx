import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { NotCollectedCard } from "@/components/collection/not-collected-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { configText } from "@/lib/i18n/config-text";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { type InApplicationView, transferInList } from "@/lib/transfer/in-view";
import { type OutApplicationView, transferOutOverview } from "@/lib/transfer/out-view";
import { ClientMessages } from "@/components/i18n/client-messages";
import { WithdrawOutButton } from "./withdraw-button";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountTransfer" });
  return { title: t("title") };
}

// 人员调转 → 调出申请 (用户操作手册 4.1): every 调出申请 with its 当前状态 and 全国平台处理状态,
// 申请调出 when allowed, 撤回 while the destination has not received the file. The states' labels
// and the locks are the domain's Chinese, shown in the reader's language (getSourceText).

export default async function TransferPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const session = await requireSession("/account/transfer");
  const { applied } = await searchParams;
  const [overview, arrivals, t, sourceText] = await Promise.all([
    transferOutOverview(db, session.personId),
    transferInList(db, session.personId),
    getTranslations("AccountTransfer"),
    getSourceText(),
  ]);
  if (!overview.collected && overview.applications.length === 0 && arrivals.length === 0) {
    return <NotCollectedCard title={t("title")} needsFor={t("needsFor")} />;
  }
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {overview.cannotApply === null && (
          <Button asChild>
            <Link href="/account/transfer/out">{t("applyOut")}</Link>
          </Button>
        )}
      </div>
      {applied === "1" && (
        <Alert variant="success" role="status">
          <AlertDescription>{t("applied")}</AlertDescription>
        </Alert>
      )}
      {overview.lock && (
        <Alert role="status">
          <AlertDescription>{sourceText(overview.lock)}</AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground">
        {t("intro", { jurisdiction: configText(locale, getJurisdiction().label) })}
      </p>
      {arrivals.length > 0 && (
        <section aria-labelledby="arrivals" className="space-y-3">
          <h2 id="arrivals" className="text-lg font-medium">
            {t("arrivals")}
          </h2>
          <ul className="space-y-4">
            {arrivals.map((a) => (
              <li key={a.id}>
                <ArrivalCard arrival={a} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {arrivals.length > 0 && overview.applications.length > 0 && (
        <h2 className="text-lg font-medium">{t("applications")}</h2>
      )}
      {overview.applications.length === 0 ? (
        arrivals.length === 0 && <p>{t("noApplications")}</p>
      ) : (
        <ClientMessages namespaces={["AccountTransfer"]}>
          <ul className="space-y-4" aria-label={t("applications")}>
            {overview.applications.map((a) => (
              <li key={a.id}>
                <ApplicationCard application={a} />
              </li>
            ))}
          </ul>
        </ClientMessages>
      )}
    </div>
  );
}

async function ArrivalCard({ arrival: a }: { arrival: InApplicationView }) {
  const [t, sourceText] = await Promise.all([getTranslations("AccountTransfer"), getSourceText()]);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="text-lg">{t("arrivalFrom", { from: a.from })}</CardTitle>
        <Badge variant={a.open ? "default" : "secondary"}>{sourceText(a.stateLabel)}</Badge>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">{t("destination")}</dt>
          <dd>{a.destination}</dd>
          <dt className="text-muted-foreground">{t("appliedAt")}</dt>
          <dd>{formatBeijingDateTime(a.createdAt)}</dd>
          {a.state === "pending" && (
            <>
              <dt className="text-muted-foreground">{t("reviewDue")}</dt>
              <dd>{t("before", { time: formatBeijingDateTime(a.reviewDueAt) })}</dd>
            </>
          )}
          {a.reviewReason && (
            <>
              <dt className="text-muted-foreground">{t("rejectReason")}</dt>
              <dd>{a.reviewReason}</dd>
            </>
          )}
        </dl>
        <p className="text-sm">{sourceText(a.help)}</p>
        {a.toCollection && (
          <Button asChild size="sm">
            <Link href="/account/collection">{t("toCollection")}</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

async function ApplicationCard({ application: a }: { application: OutApplicationView }) {
  const [t, sourceText] = await Promise.all([getTranslations("AccountTransfer"), getSourceText()]);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="text-lg">
          {t("applicationTo", { destination: a.destination })}
        </CardTitle>
        <Badge variant={a.open ? "default" : "secondary"}>{sourceText(a.stateLabel)}</Badge>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">{t("state")}</dt>
          <dd>{sourceText(a.stateLabel)}</dd>
          {a.hubStateLabel && (
            <>
              <dt className="text-muted-foreground">{t("hubState")}</dt>
              <dd>{sourceText(a.hubStateLabel)}</dd>
            </>
          )}
          <dt className="text-muted-foreground">{t("appliedAt")}</dt>
          <dd>{formatBeijingDateTime(a.createdAt)}</dd>
          {a.state === "pending" && (
            <>
              <dt className="text-muted-foreground">{t("reviewDue")}</dt>
              <dd>{t("before", { time: formatBeijingDateTime(a.reviewDueAt) })}</dd>
            </>
          )}
          {a.reviewedAt && (
            <>
              <dt className="text-muted-foreground">{t("reviewedAt")}</dt>
              <dd>{formatBeijingDateTime(a.reviewedAt)}</dd>
            </>
          )}
          {a.state === "rejected" && a.reviewReason && (
            <>
              <dt className="text-muted-foreground">{t("rejectReason")}</dt>
              <dd>{a.reviewReason}</dd>
            </>
          )}
          {a.refusalReason && (
            <>
              <dt className="text-muted-foreground">{t("refusalReason")}</dt>
              <dd>{a.refusalReason}</dd>
            </>
          )}
          <dt className="text-muted-foreground">{t("reason")}</dt>
          <dd className="break-words whitespace-pre-wrap">{a.reason}</dd>
          <dt className="text-muted-foreground">{t("attachments")}</dt>
          <dd className="flex flex-wrap gap-3">
            {a.attachmentIds.map((id, i) => (
              <a
                key={id}
                href={`/api/attachments/${id}`}
                target="_blank"
                rel="noreferrer"
                className="text-primary underline"
              >
                {t("attachment", { n: i + 1 })}
              </a>
            ))}
          </dd>
        </dl>
        <p className="text-sm">{t("stateHelp", { state: a.state })}</p>
        {a.withdrawable && (
          <div className="flex justify-end">
            <WithdrawOutButton id={a.id} approved={a.state === "approved"} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
