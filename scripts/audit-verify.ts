// `npm run audit:verify` — walks the audit log's hash chain (lib/audit/chain-verify.ts) and says
// OK with the number of rows checked, or where the chain first breaks: a row deleted, altered or
// inserted beside the chain. Exit 0 when sound, 1 when broken, 2 when it could not check.
//
// Reads DATABASE_MIGRATION_URL, else DATABASE_URL (the application's role may read the chain),
// else the embedded default in KUAIJI_DATA_DIR (through a running `npm start`, or the data
// directory opened here). Nothing is written.
import { verifyAuditChain } from "../lib/audit/chain-verify";
import { openTarget } from "./backup-target";

async function main(): Promise<number> {
  const target = await openTarget("backup");
  try {
    console.log(`数据库 / database: ${target.label}`);
    const t0 = performance.now();
    const verdict = await verifyAuditChain(target.url);
    const ms = Math.round(performance.now() - t0);
    if (verdict.ok) {
      console.log(
        `审计日志完整 / OK: ${verdict.rows} rows chained (chainSeq ${verdict.fromSeq}–${verdict.toSeq}), ${ms} ms`,
      );
      return 0;
    }
    console.error(
      `审计日志链断开 / BROKEN (${verdict.problem}) at row id ${verdict.id ?? "—"}, chainSeq ${verdict.chainSeq ?? "—"}, time ${verdict.at?.toISOString() ?? "—"}: ${verdict.detail}`,
    );
    console.error(`  ${verdict.rows} rows before it checked sound.`);
    return 1;
  } finally {
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
