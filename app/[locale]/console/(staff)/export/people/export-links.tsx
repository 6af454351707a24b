import { buttonVariants } from "@/components/ui/button-variants";
import { mayExport } from "@/lib/export/people-export";
import { type SearchFilter, searchFilterToParams } from "@/lib/search/search-filter";
import { hasRole } from "@/lib/codes/staff-roles";

/**
 * 导出 for the 人员查询 page: the current search (its filter and sort, not the page) as Excel or
 * CSV, through route.ts beside this file. Plain links: the browser downloads the streamed file
 * itself, and a refusal (too many rows, an export already running) shows its message. Nothing
 * for staff without export or export-full.
 */
export function PeopleExportLinks({
  filter,
  staff,
}: {
  filter: SearchFilter;
  staff: { roles: readonly string[] };
}) {
  if (!mayExport(staff)) return null;
  const href = (format: "xlsx" | "csv") => {
    const params = searchFilterToParams(filter, null);
    params.set("format", format);
    return `/console/export/people?${params.toString()}`;
  };
  return (
    <div role="group" aria-label="导出查询结果" className="flex flex-wrap items-center gap-2">
      <a href={href("xlsx")} className={buttonVariants({ variant: "outline", size: "sm" })}>
        导出 Excel
      </a>
      <a href={href("csv")} className={buttonVariants({ variant: "outline", size: "sm" })}>
        导出 CSV
      </a>
      <span className="text-xs text-muted-foreground">
        {hasRole(staff, "export-full") ? "含完整证件号码，请妥善保管" : "证件号码已隐去部分"}
      </span>
    </div>
  );
}
