import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { requireSession } from "@/lib/auth/current-session";
import { type CollectionStatus, collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { documentTypeLabel, isDocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mask";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { transferInList } from "@/lib/transfer/in-view";
import { transferOutOverview } from "@/lib/transfer/out-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountHome" });
  return { title: t("title") };
}

export default async function AccountHomePage({ params }: Props) {
  await localeOf(params);
  const person = await requireSession("/account");
  const [collection, out, arrivals, t, sourceText] = await Promise.all([
    collectionStatus(db, person.personId),
    transferOutOverview(db, person.personId),
    transferInList(db, person.personId),
    getTranslations("AccountHome"),
    getSourceText(),
  ]);
  const latestOut = out.applications[0];
  const latestIn = arrivals[0];
  const rows: [string, string][] = [
    [t("name"), person.name],
    [
      t("documentType"),
      isDocumentTypeCode(person.idType)
        ? sourceText(documentTypeLabel(person.idType))
        : person.idType,
    ],
    [t("idNumber"), person.idNumberMasked],
    [t("phone"), maskPhone(person.phone)],
    // a division's name stays as the state names it
    [t("region"), regionName(person.regionCode) ?? person.regionCode],
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <CollectionCard status={collection} />
      {(latestOut || latestIn) && (
        <Card>
          <CardHeader className="flex-row flex-wrap items-center gap-x-3 gap-y-1">
            <CardTitle>{t("transfer")}</CardTitle>
            {latestIn && (
              <Badge variant="secondary">
                {t("transferIn", { state: sourceText(latestIn.stateLabel) })}
              </Badge>
            )}
            {latestOut && (
              <Badge variant="secondary">
                {t("transferOut", { state: sourceText(latestOut.stateLabel) })}
              </Badge>
            )}
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            {out.lock && <p>{sourceText(out.lock)}</p>}
            {latestIn?.open && <p>{sourceText(latestIn.help)}</p>}
            <Link href="/account/transfer" className="text-primary underline">
              {t("transferDetails")}
            </Link>
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("accountInfo")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere] sm:grid-cols-[8rem_minmax(0,1fr)] sm:gap-y-2">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("security")}</CardTitle>
          <CardDescription>{t("securityDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/account/security" className="text-primary underline">
            {t("toSecurity")}
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}

/** 信息采集 first: it is what every other service of the platform builds on. */
async function CollectionCard({ status }: { status: CollectionStatus }) {
  const t = await getTranslations("AccountHome");
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center gap-x-3 gap-y-1">
        <CardTitle>{t("collection")}</CardTitle>
        {status.status === "未采集" && <Badge variant="outline">{t("notCollected")}</Badge>}
        {status.status === "采集中" && <Badge variant="secondary">{t("collecting")}</Badge>}
        {status.status === "信息已采集" && <Badge variant="success">{t("collected")}</Badge>}
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {status.status === "未采集" && (
          <>
            <p className="text-muted-foreground">{t("collectFirst")}</p>
            <Button asChild>
              <Link href="/account/collection">{t("startCollection")}</Link>
            </Button>
          </>
        )}
        {status.status === "采集中" && (
          <>
            {status.savedAt && (
              <p>
                <span className="text-muted-foreground">{t("savedAt")}</span>
                {formatBeijingDateTime(status.savedAt)}
              </p>
            )}
            <Button asChild>
              <Link href="/account/collection">{t("continueCollection")}</Link>
            </Button>
          </>
        )}
        {status.status === "信息已采集" && (
          <>
            <p className="break-all">
              <span className="text-muted-foreground">{t("archiveNumber")}</span>
              <span className="font-medium">{status.archiveNumber}</span>
            </p>
            <p>
              <Link href="/account/archive" className="text-primary underline">
                {t("viewArchive")}
              </Link>
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
