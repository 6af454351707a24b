import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { HistoryList } from "@/components/change/history-list";
import { requireSession } from "@/lib/auth/current-session";
import { changeHistory } from "@/lib/change/change-service";
import { db } from "@/lib/db/client";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountChange" });
  return { title: t("history") };
}

// 变更记录: every archive version after the collection, newest first — the same list finance
// staff of the person's region see in the console.
export default async function HistoryPage({ params }: Props) {
  await localeOf(params);
  const session = await requireSession("/account/change/history");
  const [history, t] = await Promise.all([
    changeHistory(db, session.personId),
    getTranslations("AccountChange"),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("history")}</h1>
        <Link href="/account/change" className="text-sm text-primary underline">
          {t("back")}
        </Link>
      </div>
      <HistoryList history={history} empty={t("historyEmpty")} />
    </div>
  );
}
