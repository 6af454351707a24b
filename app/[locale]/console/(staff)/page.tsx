import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/current-staff";
import { pendingCounts } from "@/lib/ce/review-queries";
import { db } from "@/lib/db/client";
import { regionName } from "@/lib/region/divisions";
import { hasRole, STAFF_ROLES } from "@/lib/codes/staff-roles";
import { staffScope } from "@/lib/staff/staff-session";
import { calendarWarning } from "@/lib/workdays/holiday-service";

export const metadata: Metadata = { title: "工作台 · 财政部门" };

// 工作台: what waits for the office — claims to recognise, courses still 学习中, a year without
// holiday data (working days then count Monday–Friday) — and the staff member's own scope and
// permissions, so nobody wonders why a record is not there.

export default async function ConsoleHome() {
  const staff = await requireStaff();
  const [counts, holidays] = await Promise.all([
    pendingCounts(db, staffScope(staff)),
    calendarWarning(db),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">工作台</h1>
      {holidays.message && (
        <Alert>
          <AlertDescription>
            <p>
              {holidays.message}。
              <Link className="text-primary underline" href="/console/holidays">
                节假日设置
              </Link>
            </p>
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <CountCard
          title="待认定的学分申报"
          label="待认定"
          count={counts.claims}
          action={
            hasRole(staff, "ce-review") && (
              <Button asChild size="sm">
                <Link href="/console/ce/claims">去认定</Link>
              </Button>
            )
          }
        />
        <CountCard
          title="学习中的培训课程"
          label="学习中"
          count={counts.enrolled}
          action={
            hasRole(staff, "ce-course") && (
              <Button asChild size="sm" variant="outline">
                <Link href="/console/ce/people">登记课程学分</Link>
              </Button>
            )
          }
        />
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-muted-foreground">管辖范围</dt>
        <dd>{regionName(staff.regionCode) ?? staff.regionCode}（含下级行政区划）</dd>
        <dt className="text-muted-foreground">业务权限</dt>
        <dd>{staff.roles.map((r) => STAFF_ROLES.label(r) ?? r).join("、") || "无"}</dd>
      </dl>
      <p className="text-sm text-muted-foreground">
        待认定的申报属于会计人员继续教育的在途未完成数据：认定或不予认定之前，该会计人员不能修改所属行政区划。请及时办理。
      </p>
    </div>
  );
}

/** A number the office should act on, and where to act. */
function CountCard({
  title,
  label,
  count,
  action,
}: {
  title: string;
  label: string;
  count: number;
  action: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-3xl font-semibold" aria-label={`${label}${count}条`}>
          {count}
          <span className="ml-1 text-base font-normal text-muted-foreground">条</span>
        </p>
        {action}
      </CardContent>
    </Card>
  );
}
