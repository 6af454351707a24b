import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { ownMemberCode } from "@/lib/exchange/config";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { exchangeMembers } from "@/lib/exchange/members";
import { transferOutOverview } from "@/lib/transfer/out-view";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OutForm } from "./out-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountTransfer" });
  return { title: t("outTitle") };
}

// 申请调出 (用户操作手册 4.1): 调入省份 and its county, 调出理由, 调转附件; 保存 completes it.

export default async function TransferOutPage({ params }: Props) {
  await localeOf(params);
  const session = await requireSession("/account/transfer/out");
  const overview = await transferOutOverview(db, session.personId);
  if (overview.cannotApply !== null) redirect("/account/transfer");
  const t = await getTranslations("AccountTransfer");
  const own = ownMemberCode();
  const members = exchangeMembers()
    .filter((m) => m.code !== own)
    .map((m) => ({ code: m.code, name: m.name }));
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("applyOut")}</h1>
        <Link href="/account/transfer" className="text-sm text-primary underline">
          {t("back")}
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">{t("outIntro")}</p>
      {/* the provinces' names stay as the national platform names them */}
      <ClientMessages namespaces={["AccountTransfer"]}>
        <OutForm members={members} storageKey={`transfer-out:${session.personId}`} />
      </ClientMessages>
    </div>
  );
}
