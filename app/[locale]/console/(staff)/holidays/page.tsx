import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/current-staff";
import { db } from "@/lib/db/client";
import { hasRole } from "@/lib/codes/staff-roles";
import { staffScope } from "@/lib/staff/staff-session";
import { beijingToday } from "@/lib/time/beijing";
import { missingCalendarMessage } from "@/lib/workdays/calendar";
import {
  canEditHolidays,
  HOLIDAYS_PROVINCE_ONLY,
  holidaysOfYear,
} from "@/lib/workdays/holiday-service";
import { HOLIDAY_KINDS, HOLIDAY_YEARS, MAX_HOLIDAY_NAME } from "@/lib/workdays/schemas/holiday-day";
import { DeleteHolidayButton } from "./delete-button";
import { HolidayForm } from "./holiday-form";

const HOLIDAYS_NEED_ADMIN = "录入或修改节假日安排需要“管理员”权限，请联系本单位平台管理员。";

export const metadata: Metadata = { title: "节假日设置 · 财政部门" };

// 节假日设置: the year's 放假 and 调休上班 days that working days are counted by (automatic review of
// 调转申请). Seeded from chinese-days; when the State Council publishes a new year, the province's
// administrators enter it here. Everyone in the console may look; only the province edits.

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const weekday = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
const SOURCES: Record<string, string> = {
  "chinese-days": "国务院通知（内置）",
  staff: "管理员录入",
};

function yearParam(value: unknown, fallback: number): number {
  const year = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : fallback;
  return year >= HOLIDAY_YEARS.min && year <= HOLIDAY_YEARS.max ? year : fallback;
}

export default async function HolidaysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const params = await searchParams;
  const thisYear = Number(beijingToday().slice(0, 4));
  const year = yearParam(params.year, thisYear);
  const days = await holidaysOfYear(db, year);
  const canEdit = hasRole(staff, "staff-admin") && canEditHolidays(staffScope(staff));
  const saved = days.find((d) => d.date === params.saved);
  const editing = canEdit ? days.find((d) => d.date === params.edit) : undefined;
  const count = (kind: string) => days.filter((d) => d.kind === kind).length;

  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">节假日设置</h1>
      <p className="text-sm text-muted-foreground">
        调转申请的自动审核按工作日计算：放假日不计，调休上班的周六、周日计入。国务院办公厅公布新一年的放假安排后，请在此录入。
      </p>
      {saved && (
        <Alert variant="success">
          <AlertDescription>
            已保存：{saved.date} {HOLIDAY_KINDS.label(saved.kind)}（{saved.name}）
          </AlertDescription>
        </Alert>
      )}
      <nav aria-label="年度" className="flex flex-wrap items-center gap-2">
        {[year - 1, year, year + 1]
          .filter((y) => y >= HOLIDAY_YEARS.min && y <= HOLIDAY_YEARS.max)
          .map((y) => (
            <Link
              key={y}
              href={`/console/holidays?year=${y}`}
              aria-current={y === year ? "page" : undefined}
              className={
                y === year
                  ? "rounded-md border border-primary bg-primary/10 px-3 py-1.5 text-sm font-medium text-primary"
                  : "rounded-md border px-3 py-1.5 text-sm"
              }
            >
              {y}年
            </Link>
          ))}
      </nav>
      {days.length === 0 ? (
        <Alert>
          <AlertDescription>{missingCalendarMessage([year])}</AlertDescription>
        </Alert>
      ) : (
        <>
          <p className="text-sm">
            {year}年：放假{count("holiday")}天，调休上班{count("workday")}天
          </p>
          <Table aria-label={`${year}年放假和调休安排`}>
            <TableHeader>
              <TableRow>
                <TableHead>日期</TableHead>
                <TableHead>星期</TableHead>
                <TableHead>类型</TableHead>
                <TableHead>节日</TableHead>
                <TableHead className="max-sm:hidden">来源</TableHead>
                {canEdit && <TableHead>操作</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.date}>
                  <TableCell className="whitespace-nowrap">{d.date}</TableCell>
                  <TableCell>{weekday(d.date)}</TableCell>
                  <TableCell className="whitespace-nowrap">{HOLIDAY_KINDS.label(d.kind)}</TableCell>
                  <TableCell>{d.name}</TableCell>
                  <TableCell className="max-sm:hidden">{SOURCES[d.source] ?? d.source}</TableCell>
                  {canEdit && (
                    <TableCell>
                      <span className="flex flex-wrap items-start gap-2">
                        <Button asChild size="sm" variant="outline">
                          <Link
                            href={`/console/holidays?year=${year}&edit=${d.date}`}
                            aria-label={`修改${d.date}`}
                          >
                            修改
                          </Link>
                        </Button>
                        <DeleteHolidayButton
                          date={d.date}
                          what={`${HOLIDAY_KINDS.label(d.kind)}，${d.name ?? ""}`}
                        />
                      </span>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {canEdit ? (
        <section aria-labelledby="holiday-form" className="space-y-3 border-t pt-4">
          <h2 id="holiday-form" className="text-lg font-semibold">
            {editing ? `修改 ${editing.date}` : "添加放假或调休上班日"}
          </h2>
          <HolidayForm
            key={editing?.date ?? "new"}
            kinds={HOLIDAY_KINDS.options}
            maxName={MAX_HOLIDAY_NAME}
            initial={
              editing && { date: editing.date, kind: editing.kind, name: editing.name ?? "" }
            }
          />
        </section>
      ) : (
        <p className="text-sm text-muted-foreground">
          {canEditHolidays(staffScope(staff)) ? HOLIDAYS_NEED_ADMIN : `${HOLIDAYS_PROVINCE_ONLY}。`}
        </p>
      )}
    </div>
  );
}
