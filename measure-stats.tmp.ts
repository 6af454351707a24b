import { db } from "@/lib/db/client";
import { recomputeNow } from "@/lib/stats/recompute";
import { statsDashboard } from "@/lib/stats/dashboard";
const now = new Date(Date.now() + Number(process.env.SHIFT_MIN ?? 0) * 60_000);
let t = performance.now();
const r = await recomputeNow(db, { ip: null, userAgent: null }, { staffId: "measure", regionCodes: ["440000"] }, now);
console.log("recompute", Math.round(performance.now() - t), "ms", r.ok ? r.rows : r);
for (const scope of ["440000", "440100", "440106"]) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    await statsDashboard(db, { staffId: "m", regionCodes: [scope] });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log("dashboard", scope, "median", times[10]!.toFixed(1), "p95", times[18]!.toFixed(1), "ms");
}
const rows = await db.regionStat.count();
console.log("RegionStat rows", rows);
await db.$disconnect();
