import type { Metadata } from "next";
import { ownMemberCode } from "@/lib/exchange/config";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { exchangeMembers } from "@/lib/exchange/members";
import { transferOutOverview } from "@/lib/transfer/out-view";
import { OutForm } from "./out-form";

export const metadata: Metadata = { title: "人员调转 · 申请调出" };

// 申请调出 (用户操作手册 4.1): 调入省份 and its county, 调出理由, 调转附件; 保存 completes it.

export default async function TransferOutPage() {
  const session = await requireSession("/account/transfer/out");
  const overview = await transferOutOverview(db, session.personId);
  if (overview.cannotApply !== null) redirect("/account/transfer");
  const own = ownMemberCode();
  const members = exchangeMembers()
    .filter((m) => m.code !== own)
    .map((m) => ({ code: m.code, name: m.name }));
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">申请调出</h1>
        <Link href="/account/transfer" className="text-sm text-primary underline">
          返回人员调转
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">
        申请调出后“信息变更”和“继续教育”将无操作权限，仅允许查看，直至申请审核不通过、撤回或调转完成。
      </p>
      <OutForm members={members} storageKey={`transfer-out:${session.personId}`} />
    </div>
  );
}
