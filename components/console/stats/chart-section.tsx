import { buttonVariants } from "@/components/ui/button-variants";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ChartTable } from "@/lib/stats/charts";
import { StatsChart } from "./stats-chart";

const number = new Intl.NumberFormat("zh-CN");

/** One chart of 统计分析: its heading, the chart, the same numbers as a table, and 导出Excel. */
export function ChartSection({ table, exportHref }: { table: ChartTable; exportHref: string }) {
  const heading = `stats-${table.id}`;
  const empty = table.rows.length === 0 || table.rows.every((r) => r.values.every((v) => v === 0));
  return (
    <section aria-labelledby={heading} className="min-w-0 space-y-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={heading} className="text-lg font-semibold">
            {table.title}
          </h2>
          {table.note && <p className="text-sm text-muted-foreground">{table.note}</p>}
        </div>
        <a
          href={exportHref}
          download
          className={buttonVariants({ variant: "outline", size: "sm" })}
          aria-label={`${table.title}：导出Excel`}
        >
          导出Excel
        </a>
      </div>
      {empty ? (
        <p className="text-sm text-muted-foreground">暂无数据</p>
      ) : (
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          <StatsChart table={table} />
          <div className="max-h-96 min-w-0 overflow-auto">
            <Table aria-label={`${table.title}（数据表）`}>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{table.category}</TableHead>
                  {table.series.map((s) => (
                    <TableHead key={s.name} scope="col" className="text-right">
                      {s.name}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {table.rows.map((r) => (
                  <TableRow key={r.label}>
                    <TableHead scope="row" className="font-normal">
                      {r.label}
                    </TableHead>
                    {r.values.map((v, i) => (
                      <TableCell key={table.series[i]!.name} className="text-right tabular-nums">
                        {number.format(v)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
    </section>
  );
}
