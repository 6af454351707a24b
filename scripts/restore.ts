// `npm run restore -- DIR [--force]` — checks every checksum of a backup made by npm run backup,
// then rebuilds the database and puts the objects back (lib/backup/restore.ts). Refuses a
// database that holds data unless --force. The embedded default must be stopped first.
import { existsSync } from "node:fs";
import path from "node:path";
import { restoreBackup } from "../lib/backup/restore";
import { LOCAL_SECRETS_FILE } from "../lib/crypto/local-secrets";
import { openTarget, printCounts, runCommand } from "./backup-target";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir) {
    console.error("用法 / usage: npm run restore -- <备份目录 / backup dir> [--force]");
    return 2;
  }
  const target = await openTarget("restore");
  try {
    console.log(`数据库 / database: ${target.label}`);
    const manifest = await restoreBackup({
      url: target.url,
      storage: target.storage,
      dir: path.resolve(dir),
      force,
      log: (m) => console.log(m),
    });
    console.log(
      `恢复完成 / restored the backup of ${manifest.createdAt} (${manifest.appVersion}):`,
    );
    printCounts(manifest);
    if (target.dataDir && !existsSync(path.join(target.dataDir, LOCAL_SECRETS_FILE))) {
      console.warn(
        `注意：${target.dataDir} 中没有 ${LOCAL_SECRETS_FILE}。请先放回备份时另存的密钥文件再运行 npm start，否则加密的证件号码无法解密。/ Put the separately kept ${LOCAL_SECRETS_FILE} back before npm start, or encrypted ID numbers cannot be read.`,
      );
    }
    return 0;
  } finally {
    await target.stop();
  }
}

runCommand(main);
