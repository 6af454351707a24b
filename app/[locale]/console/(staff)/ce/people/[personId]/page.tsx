import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { thresholdsText } from "@/components/ce/ce-text";
import { YearList } from "@/components/ce/year-list";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CeClaimContext } from "@/lib/ce/credit-kinds";
import { PERSON_NOT_COLLECTED } from "@/lib/ce/courses";
import { type CeRecordView, ceOverview } from "@/lib/ce/overview";
import { PERSON_TRANSFER_LOCKED } from "@/lib/ce/record-steps";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { personCeForStaff } from "@/lib/staff/person-lookup";
import { hasRole } from "@/lib/codes/staff-roles";
import { beijingToday } from "@/lib/time/beijing";
import { CompleteButton } from "./complete-button";
import { CourseForm } from "./course-form";

export const metadata: Metadata = { title: "继续教育人员 · 财政部门" };

// One accountant of the office's region: their 继续教育 years as they see them, 登记课程学分, and for
// each record what the staff member may do (审核 a claim, 标记为已学完 a course). A person of another
// region is "not found". While a transfer-out is under way everything is view-only.

export default async function PersonCePage({ params }: { params: Promise<{ personId: string }> }) {
  const staff = await requireStaffRole("ce-course", "继续教育人员");
  if ("denied" in staff) return staff.denied;
  const { personId } = await params;
  const ctx = clientInfoFromHeaders(await headers());
  const person = await personCeForStaff(db, ctx, staff.actor, personId);
  if (!person) notFound();
  const overview = await ceOverview(db, person.personId);
  const collected = person.archiveNumber !== null;
  const writable = collected && !overview.locked && overview.obligationStartYear !== null;
  const context: CeClaimContext = {
    today: beijingToday(),
    obligationStartYear: overview.obligationStartYear,
    reader: "staff",
  };
  const action = (r: CeRecordView) => {
    if (overview.locked) return null;
    if (r.state === "claimed" && hasRole(staff, "ce-review")) {
      return (
        <Button asChild size="sm">
          <Link href={`/console/ce/claims/${r.id}`} aria-label={`审核${r.title}`}>
            审核
          </Link>
        </Button>
      );
    }
    if (r.state === "enrolled") return <CompleteButton id={r.id} title={r.title} />;
    return null;
  };

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{person.name}的继续教育</h1>
        <div className="flex gap-4 text-sm">
          {hasRole(staff, "archive-read") && person.archiveNumber && (
            <Link
              href={`/console/people/${person.personId}/history`}
              className="text-primary underline"
            >
              变更记录
            </Link>
          )}
          <Link href="/console/ce/people" className="text-primary underline">
            查找其他人员
          </Link>
        </div>
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[7rem_1fr]">
        <dt className="text-muted-foreground">证件号码</dt>
        <dd>{person.idNumberMasked}</dd>
        <dt className="text-muted-foreground">所属地区</dt>
        <dd>{person.regionName}</dd>
        <dt className="text-muted-foreground">档案编号</dt>
        <dd>{person.archiveNumber ?? "未采集"}</dd>
        <dt className="text-muted-foreground">参加继续教育</dt>
        <dd>
          {overview.obligationStartYear === null
            ? "无须参加（无专业技术资格，也无从事会计工作年份）"
            : `自${overview.obligationStartYear}年起`}
        </dd>
      </dl>
      <p className="text-sm text-muted-foreground">
        {thresholdsText(getJurisdiction().name, overview.thresholds)}。
      </p>
      {overview.locked && (
        <Alert variant="destructive">
          <AlertDescription>{PERSON_TRANSFER_LOCKED}</AlertDescription>
        </Alert>
      )}
      {!collected && (
        <Alert>
          <AlertDescription>{PERSON_NOT_COLLECTED}。</AlertDescription>
        </Alert>
      )}
      {writable && (
        <Card>
          <CardHeader>
            <CardTitle>登记课程学分</CardTitle>
          </CardHeader>
          <CardContent>
            <CourseForm personId={person.personId} context={context} />
          </CardContent>
        </Card>
      )}
      <YearList
        years={overview.years}
        recordsFromYear={overview.recordsFromYear}
        recordAction={action}
      />
    </div>
  );
}
