import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
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
import { PeopleExportLinks } from "../export/people/export-links";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { QUALIFICATION_LEVELS, QUALIFICATION_TYPES } from "@/lib/codes/professional-qualification";
import { db } from "@/lib/db/client";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { childrenOf, regionName } from "@/lib/region/divisions";
import {
  COLLECTION_STATUSES,
  parseSearchFilter,
  type SearchFilter,
  type SearchFilterKey,
  searchFilterToInput,
  searchFilterToParams,
  searchInputFromParams,
  TRANSFER_FILTERS,
} from "@/lib/search/search-filter";
import { SEARCH_COUNT_BOUND, searchPeople } from "@/lib/search/search-service";
import type { SearchRow } from "@/lib/search/search-sql";
import { beijingToday } from "@/lib/time/beijing";
import { RevealButton } from "./reveal-button";
import { type RegionOption, SearchForm } from "./search-form";

export const metadata: Metadata = { title: "人员查询 · 财政部门" };

// 人员查询: the people of the staff member's region, filtered and sorted, 20 to a page with
// 上一页/下一页 (keyset cursors in the address). Numbers are masked; 显示 reveals one, audited.
// Every search is on the audit record (lib/search/search-service.ts).

/** The staff member's cities and counties for the 行政区划 filter (GB/T 2260). */
function regionOptions(code: string): RegionOption[] {
  const out: RegionOption[] = [];
  for (const child of childrenOf(code)) {
    const counties = childrenOf(child.code);
    if (counties.length === 0) {
      out.push({ value: child.code, label: child.name });
      continue;
    }
    out.push({ value: child.code, label: `${child.name}（全部）`, group: child.name });
    for (const c of counties) out.push({ value: c.code, label: c.name, group: child.name });
  }
  return out;
}

function qualificationText(held: readonly string[]): string {
  if (held.length === 0) return "无";
  return held
    .map((q) => {
      const [type, level] = q.split(":");
      return `${QUALIFICATION_TYPES.label(type) ?? type}${QUALIFICATION_LEVELS.label(level) ?? level}`;
    })
    .join("、");
}

function rowFacts(r: SearchRow) {
  return {
    region: regionName(r.regionCode) ?? r.regionCode,
    employment: EMPLOYMENT_STATUSES.label(r.employmentStatus) ?? "—",
    qualification: qualificationText(r.qualifications),
    collection: COLLECTION_STATUSES.label(r.collectionStatus) ?? r.collectionStatus,
    transfer: r.transferState ? (TRANSFER_FILTERS.label(r.transferState) ?? r.transferState) : "—",
  };
}

export default async function PeopleSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("archive-read", "人员查询");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const parsed = parseSearchFilter(params);
  const thisYear = Number(beijingToday().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const initial: Record<SearchFilterKey, string> = parsed.ok
    ? searchFilterToInput(parsed.filter)
    : { ...searchFilterToInput({}), ...searchInputFromParams(params) };
  const searched = parsed.ok
    ? await searchPeople(db, clientInfoFromHeaders(await headers()), staff.actor, parsed.filter)
    : null;
  const problems = !parsed.ok
    ? Object.values(parsed.fieldErrors)
    : searched && !searched.ok
      ? [searched.message]
      : [];

  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">人员查询</h1>
      <p className="text-sm text-muted-foreground">
        查询{regionName(staff.regionCode) ?? staff.regionCode}
        （含下级行政区划）的会计人员。证件号码默认部分隐藏；
        显示完整证件号码、打开人员详情和每次查询都会记入操作日志。
      </p>
      <SearchForm initial={initial} regions={regionOptions(staff.regionCode)} years={years} />
      {problems.length > 0 && (
        <Alert variant="destructive">
          <AlertDescription>{problems.join("；")}</AlertDescription>
        </Alert>
      )}
      {searched?.ok && parsed.ok && (
        <Results
          staff={staff}
          filter={parsed.filter}
          rows={searched.result.page.rows}
          total={searched.result.total}
          next={searched.result.page.next}
          prev={searched.result.page.prev}
        />
      )}
    </div>
  );
}

function Results({
  filter,
  rows,
  total,
  next,
  prev,
  staff,
}: {
  staff: { roles: readonly string[] };
  filter: SearchFilter;
  rows: SearchRow[];
  total: { count: number; more: boolean };
  next: string | null;
  prev: string | null;
}) {
  const href = (cursor: string) => `/console/people?${searchFilterToParams(filter, cursor)}`;
  const summary = total.more ? `超过 ${SEARCH_COUNT_BOUND} 条` : `共 ${total.count} 条`;
  return (
    <section aria-labelledby="search-results" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="search-results" className="text-lg font-semibold">
          查询结果 <span className="text-sm font-normal text-muted-foreground">{summary}</span>
        </h2>
        <PeopleExportLinks filter={filter} staff={staff} />
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">没有符合条件的会计人员。</p>
      ) : (
        <>
          <div className="hidden md:block">
            <Table aria-label="会计人员">
              <TableHeader>
                <TableRow>
                  <TableHead>姓名</TableHead>
                  <TableHead>证件号码</TableHead>
                  <TableHead>行政区划</TableHead>
                  <TableHead>在岗状态</TableHead>
                  <TableHead>专业技术资格</TableHead>
                  <TableHead>采集状态</TableHead>
                  <TableHead>调转状态</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => {
                  const f = rowFacts(r);
                  return (
                    <TableRow key={r.personId}>
                      <TableCell className="whitespace-nowrap">
                        <Link
                          href={`/console/people/${r.personId}`}
                          className="text-primary underline"
                        >
                          {r.name}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <RevealButton
                          personId={r.personId}
                          masked={r.idNumberMasked}
                          name={r.name}
                        />
                      </TableCell>
                      <TableCell>{f.region}</TableCell>
                      <TableCell>{f.employment}</TableCell>
                      <TableCell>{f.qualification}</TableCell>
                      <TableCell className="whitespace-nowrap">{f.collection}</TableCell>
                      <TableCell className="whitespace-nowrap">{f.transfer}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <ul className="space-y-3 md:hidden" aria-label="会计人员">
            {rows.map((r) => {
              const f = rowFacts(r);
              return (
                <li key={r.personId} className="rounded-md border p-3">
                  <Link
                    href={`/console/people/${r.personId}`}
                    className="font-medium text-primary underline"
                  >
                    {r.name}
                  </Link>
                  <dl className="mt-2 grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-1 text-sm">
                    <dt className="text-muted-foreground">证件号码</dt>
                    <dd className="min-w-0">
                      <RevealButton personId={r.personId} masked={r.idNumberMasked} name={r.name} />
                    </dd>
                    <dt className="text-muted-foreground">行政区划</dt>
                    <dd>{f.region}</dd>
                    <dt className="text-muted-foreground">在岗状态</dt>
                    <dd>{f.employment}</dd>
                    <dt className="text-muted-foreground">专业技术资格</dt>
                    <dd>{f.qualification}</dd>
                    <dt className="text-muted-foreground">采集状态</dt>
                    <dd>{f.collection}</dd>
                    <dt className="text-muted-foreground">调转状态</dt>
                    <dd>{f.transfer}</dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <nav aria-label="翻页" className="flex justify-between gap-2">
        {prev ? (
          <Button asChild variant="outline">
            <Link href={href(prev)}>上一页</Link>
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button asChild variant="outline">
            <Link href={href(next)}>下一页</Link>
          </Button>
        )}
      </nav>
    </section>
  );
}
