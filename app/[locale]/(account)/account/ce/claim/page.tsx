import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { type CeClaimContext, NO_OBLIGATION } from "@/lib/ce/credit-kinds";
import { ceObligationStart } from "@/lib/ce/overview";
import { editLocks } from "@/lib/person/locks";
import { collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { beijingToday } from "@/lib/time/beijing";
import { ClaimForm } from "./claim-form";

export const metadata: Metadata = { title: "继续教育 · 申报学分" };

// 申报学分: the form runs the claim schema with the context the server will use (today in
// Beijing, the person's obligation start), so the browser refuses what the action would.

export default async function ClaimPage() {
  const session = await requireSession("/account/ce/claim");
  const collected = (await collectionStatus(db, session.personId)).status === "信息已采集";
  if (!collected) redirect("/account/ce");
  const [start, locks] = await Promise.all([
    ceObligationStart(db, session.personId),
    editLocks(db, session.personId),
  ]);
  const back = (
    <Link href="/account/ce" className="text-sm text-primary underline">
      返回继续教育
    </Link>
  );
  const refusal = locks.transfer ?? (start === null ? NO_OBLIGATION : null);
  const context: CeClaimContext = { today: beijingToday(), obligationStartYear: start };
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">申报学分</h1>
        {back}
      </div>
      {refusal ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">
            选择学分来源，填写相关信息并上传证明材料。申报提交后为“待认定”，由财政部门认定后计入学分；认定前可以撤回。
            待认定期间，“信息变更”中的所属行政区划不能修改。
          </p>
          <ClaimForm context={context} storageKey={`ce-claim:${session.personId}`} />
        </>
      )}
    </div>
  );
}
