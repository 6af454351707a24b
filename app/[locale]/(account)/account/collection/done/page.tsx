import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-session";
import { currentArchive } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { WizardSteps } from "../wizard-steps";

export const metadata: Metadata = { title: "信息采集 · 完成" };

export default async function CollectionDonePage() {
  const person = await requireSession("/account/collection/done");
  const archive = await currentArchive(db, person.personId);
  // Nothing submitted yet: the wizard's entry sends the person to where they left off.
  if (!archive) redirect("/account/collection");

  return (
    <div className="min-w-0 space-y-6">
      <WizardSteps current="done" />
      <h1 className="text-xl font-semibold">完成</h1>
      <Alert variant="success">
        <AlertTitle>信息已采集</AlertTitle>
        <AlertDescription>
          <p>您的会计人员信息档案已生成。如需修改信息，请通过“信息变更”办理。</p>
        </AlertDescription>
      </Alert>
      <Card>
        <CardContent>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="min-w-0 space-y-1">
              <dt className="text-sm text-muted-foreground">档案编号</dt>
              {/* Plain selectable text: people copy it into other forms and phone calls. */}
              <dd className="text-2xl font-semibold tracking-wide break-all select-all sm:text-3xl">
                {archive.archiveNumber}
              </dd>
            </div>
            <div className="space-y-1">
              <dt className="text-sm text-muted-foreground">采集时间</dt>
              <dd className="text-lg">{formatBeijingDateTime(archive.collectedAt)}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button asChild>
          <Link href="/account/archive">查看并打印档案</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/account">返回个人中心</Link>
        </Button>
      </div>
    </div>
  );
}
