// Readiness: the database answers and holds every migration this build ships. 200 or 503 with
// which check failed, for load balancers / orchestrators (and scripts/start.ts waits on it). Why
// it failed (a database error's text, migration names) is in the log, and in the answer only to
// an operator (`Authorization: Bearer $KUAIJI_OPS_TOKEN`): the public learns nothing about the
// database or the release. Warnings
// leave it ready (200) and are listed for operators: a year (this one or the next) without
// holiday data, counted Monday–Friday until staff enter it (节假日设置); exchange messages
// undelivered for more than a day or refused for good (lib/exchange/outbox-health.ts).
import { db } from "@/lib/db/client";
import { bearerAuthorized } from "@/lib/http/bearer";
import { outboxWarning } from "@/lib/exchange/outbox-health";
import { childLogger } from "@/lib/log/logger";
import { calendarWarning } from "@/lib/workdays/holiday-service";
import {
  compareMigrations,
  listLocalMigrations,
  type AppliedMigrationRow,
} from "@/scripts/db/migrations";

export const dynamic = "force-dynamic";

/** The useful line of a Prisma error ("Can't reach database server at …"), never the query. */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const lines = e.message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.at(-1) ?? e.name;
  const inner = /Message: `(.*)`/.exec(line)?.[1];
  return (inner ?? line).slice(0, 300);
}

export async function GET(request: Request) {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const checks: Record<string, "ok" | "fail" | "warn"> = { database: "ok", migrations: "ok" };
  try {
    await db.$queryRaw`SELECT 1`;
    const exists = await db.$queryRaw<
      { t: string | null }[]
    >`SELECT to_regclass('"_prisma_migrations"')::text AS t`;
    const rows = exists[0]?.t
      ? await db.$queryRaw<AppliedMigrationRow[]>`
          SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`
      : [];
    const status = compareMigrations(listLocalMigrations(), rows);
    if (status.pending.length) reasons.push(`pending migrations: ${status.pending.join(", ")}`);
    if (status.failed.length) reasons.push(`failed migrations: ${status.failed.join(", ")}`);
    if (status.modified.length)
      reasons.push(`applied migrations modified on disk: ${status.modified.join(", ")}`);
    if (reasons.length) checks.migrations = "fail";
    else {
      const holidays = await calendarWarning(db);
      checks.holidays = holidays.message ? "warn" : "ok";
      if (holidays.message) warnings.push(holidays.message);
      const outbox = await outboxWarning(db);
      checks.outbox = outbox.message ? "warn" : "ok";
      if (outbox.message) warnings.push(outbox.message);
    }
  } catch (e) {
    checks.database = "fail";
    checks.migrations = "fail";
    reasons.push(`database unreachable: ${describe(e)}`);
  }
  const ready = reasons.length === 0;
  if (!ready)
    childLogger({ requestId: request.headers.get("x-request-id"), route: "/api/ready" }).warn(
      { reasons },
      "not ready",
    );
  const operator = bearerAuthorized(
    request.headers.get("authorization"),
    process.env.KUAIJI_OPS_TOKEN,
  );
  return Response.json(
    ready
      ? { status: "ready", checks, warnings }
      : { status: "not_ready", checks, ...(operator ? { reasons } : {}) },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
