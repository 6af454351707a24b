import type { Metadata } from "next";
import Link from "next/link";
import { HistoryList } from "@/components/change/history-list";
import { requireSession } from "@/lib/auth/current-session";
import { changeHistory } from "@/lib/change/change-service";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "变更记录" };

// 变更记录: every archive version after the collection, newest first — the same list finance
// staff of the person's region see in the console.
export default async function HistoryPage() {
  const session = await requireSession("/account/change/history");
  const history = await changeHistory(db, session.personId);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">变更记录</h1>
        <Link href="/account/change" className="text-sm text-primary underline">
          返回信息变更
        </Link>
      </div>
      <HistoryList history={history} empty="暂无变更记录。信息采集后的每次变更都会记录在这里。" />
    </div>
  );
}
