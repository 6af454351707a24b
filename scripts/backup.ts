// `npm run backup [-- DIR]` — a consistent copy of the database and every stored object in a new
// directory (default backups/kuaiji-<UTC time>). What it holds and why the database goes first:
// lib/backup/backup.ts; where it reads from: scripts/backup-target.ts. The keys that decrypt the
// ID numbers inside are NOT in it (README, 备份与恢复).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createBackup } from "../lib/backup/backup";
import { openTarget, printCounts, runCommand } from "./backup-target";

const ROOT = path.resolve(import.meta.dirname, "..");

function appVersion(): string {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: ROOT,
      stdio: "pipe",
    });
    return `${version}+${commit.toString().trim()}`;
  } catch {
    return version;
  }
}

async function main(): Promise<number> {
  const now = new Date();
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "Z");
  const dir = path.resolve(process.argv[2] ?? path.join("backups", `kuaiji-${stamp}`));
  const target = await openTarget("backup");
  try {
    console.log(`数据库 / database: ${target.label}`);
    const manifest = await createBackup({
      url: target.url,
      storage: target.storage,
      dir,
      appVersion: appVersion(),
      now,
    });
    console.log(`备份完成 / backup written: ${dir}`);
    printCounts(manifest);
    if (manifest.missingObjects.length > 0) {
      console.warn(
        `警告：${manifest.missingObjects.length} 个附件行所指的对象不在存储中（清单 missingObjects）。/ Warning: ${manifest.missingObjects.length} attachment row(s) name an object the store does not have (see missingObjects).`,
      );
      return 3;
    }
    return 0;
  } finally {
    await target.stop();
  }
}

runCommand(main);
