// One 导出 of the console bench in a process of its own (console-services.ts spawns it): the
// process holds what a server needs for an export — Prisma, lib/export, exceljs — and nothing the
// bench's searches and dashboard left on its heap, so its peak RSS is the export's, as a server
// process would see it. Prints one JSON line: seconds, peak and starting RSS, bytes, stopped.
//   node --max-old-space-size=1024 --import ./scripts/server-only/register.mjs --import tsx \
//     scripts/bench/console-export.ts csv 1086150   (BENCH_MEMTRACE=1: memory every 2 s)
import { createDb } from "@/lib/db/client";
import { isExportFormat } from "@/lib/export/writers";
import { EXPORT_FILTER, measured } from "./console";
import { serviceExport } from "./console-services";

const [format, rows] = process.argv.slice(2);
if (!isExportFormat(format) || !Number.isInteger(Number(rows))) {
  throw new Error("usage: console-export.ts csv|xlsx <rows>");
}
const db = createDb(process.env.DATABASE_URL!);
// BENCH_MEMTRACE=1: the process's memory every 2 s on stderr (where an export's RSS goes).
const trace =
  process.env.BENCH_MEMTRACE === "1"
    ? setInterval(() => {
        const m = process.memoryUsage();
        const mib = (n: number) => Math.round(n / 2 ** 20);
        console.error(
          `rss ${mib(m.rss)} heapTotal ${mib(m.heapTotal)} heapUsed ${mib(m.heapUsed)} ` +
            `external ${mib(m.external)} arrayBuffers ${mib(m.arrayBuffers)}`,
        );
      }, 2000)
    : undefined;
try {
  const run = await measured(() => serviceExport(db, EXPORT_FILTER, format, Number(rows)));
  console.log(
    JSON.stringify({
      s: run.s,
      peakMiB: run.peakMiB,
      beforeMiB: run.beforeMiB,
      stopped: run.result.stopped,
    }),
  );
} finally {
  clearInterval(trace);
  await db.$disconnect();
}
