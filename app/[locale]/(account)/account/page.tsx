import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/auth/current-session";
import { type CollectionStatus, collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { documentTypeLabel, isDocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mobile";
import { regionName } from "@/lib/region/divisions";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { transferInList } from "@/lib/transfer/in-view";
import { transferOutOverview } from "@/lib/transfer/out-view";
import { Untranslated } from "@/components/i18n/untranslated";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "个人中心" };

export default async function AccountHomePage() {
  const person = await requireSession("/account");
  const [collection, out, arrivals] = await Promise.all([
    collectionStatus(db, person.personId),
    transferOutOverview(db, person.personId),
    transferInList(db, person.personId),
  ]);
  const latestOut = out.applications[0];
  const latestIn = arrivals[0];
  const rows: [string, string][] = [
    ["姓名", person.name],
    [
      "证件类型",
      isDocumentTypeCode(person.idType) ? documentTypeLabel(person.idType) : person.idType,
    ],
    ["证件号码", person.idNumberMasked],
    ["手机号码", maskPhone(person.phone)],
    ["所属地区", regionName(person.regionCode) ?? person.regionCode],
  ];
  return (
    // Not translated yet: 简体中文 in every locale (README "Languages")
    <Untranslated>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">个人中心</h1>
        <CollectionCard status={collection} />
        {(latestOut || latestIn) && (
          <Card>
            <CardHeader className="flex-row flex-wrap items-center gap-x-3 gap-y-1">
              <CardTitle>人员调转</CardTitle>
              {latestIn && <Badge variant="secondary">调入：{latestIn.stateLabel}</Badge>}
              {latestOut && <Badge variant="secondary">调出：{latestOut.stateLabel}</Badge>}
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              {out.lock && <p>{out.lock}</p>}
              {latestIn?.open && <p>{latestIn.help}</p>}
              <Link href="/account/transfer" className="text-primary underline">
                查看调转详情
              </Link>
            </CardContent>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>账户信息</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere] sm:grid-cols-[6rem_minmax(0,1fr)] sm:gap-y-2">
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
            <CardTitle>账户安全</CardTitle>
            <CardDescription>修改登录密码、更换绑定的手机号码。</CardDescription>
          </CardHeader>
          <CardContent>
            <Link href="/account/security" className="text-primary underline">
              前往账户安全
            </Link>
          </CardContent>
        </Card>
      </div>
    </Untranslated>
  );
}

/** 信息采集 first: it is what every other service of the platform builds on. */
function CollectionCard({ status }: { status: CollectionStatus }) {
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center gap-x-3 gap-y-1">
        <CardTitle>信息采集</CardTitle>
        {status.status === "未采集" && <Badge variant="outline">未采集</Badge>}
        {status.status === "采集中" && <Badge variant="secondary">采集中（已保存草稿）</Badge>}
        {status.status === "信息已采集" && <Badge variant="success">信息已采集</Badge>}
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {status.status === "未采集" && (
          <>
            <p className="text-muted-foreground">
              请先完成会计人员信息采集，采集后即生成您的会计人员信息档案。
            </p>
            <Button asChild>
              <Link href="/account/collection">开始采集</Link>
            </Button>
          </>
        )}
        {status.status === "采集中" && (
          <>
            {status.savedAt && (
              <p>
                <span className="text-muted-foreground">上次保存：</span>
                {formatBeijingDateTime(status.savedAt)}
              </p>
            )}
            <Button asChild>
              <Link href="/account/collection">继续采集</Link>
            </Button>
          </>
        )}
        {status.status === "信息已采集" && (
          <>
            <p className="break-all">
              <span className="text-muted-foreground">档案编号：</span>
              <span className="font-medium">{status.archiveNumber}</span>
            </p>
            <p>
              <Link href="/account/archive" className="text-primary underline">
                查看档案
              </Link>
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
