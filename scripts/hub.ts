// `npm run hub` — the national exchange's members, from the hub operator's shell (lib/exchange/
// hub-members.ts does the work; the demo script calls it directly).
//   npm run hub -- member add <code> <baseUrl>    registers a platform, prints its secret once
//   npm run hub -- member rotate <code>           a new secret; the old one stops working at once
//   npm run hub -- member list
// The printed secret goes to the platform's operator, who sets it as EXCHANGE_MEMBER_SECRET;
// hand it over in person or through the platforms' secret store, never by e-mail. The hub keeps
// it encrypted with its own KUAIJI_ENC_KEY.
// Production: DATABASE_URL and the KUAIJI_* keys from the environment, as the hub has them.
// Embedded default: run while the hub's `npm start` is running (KUAIJI_DATA_DIR as for it).
import { operatorDatabaseUrl } from "./operator-db";

const USAGE = `用法 / usage:
  npm run hub -- member add <成员代码 code> <地址 baseUrl, e.g. https://kjxx.czt.gd.gov.cn>
  npm run hub -- member rotate <成员代码 code>
  npm run hub -- member list`;

async function main(args: string[]): Promise<number> {
  const [group, command, code, baseUrl] = args;
  const valid =
    group === "member" &&
    ((command === "add" && code && baseUrl) ||
      (command === "rotate" && code) ||
      command === "list");
  if (!valid) {
    console.error(USAGE);
    return 2;
  }
  const { createDb } = await import("../lib/db/client");
  const members = await import("../lib/exchange/hub-members");
  const db = createDb(operatorDatabaseUrl());
  try {
    if (command === "list") {
      const rows = await members.listMembers(db);
      for (const m of rows) {
        console.log(
          `${m.code}\t${m.name}\t${m.baseUrl}${m.active ? "" : "\t（已停用 / inactive）"}`,
        );
      }
      console.log(`共 ${rows.length} 个成员 / ${rows.length} member(s)`);
      return 0;
    }
    const r =
      command === "add"
        ? await members.addMember(db, { code: code!, baseUrl: baseUrl! })
        : await members.rotateMemberSecret(db, code!);
    if (!r.ok) {
      console.error(r.message);
      return 1;
    }
    console.log(
      command === "add" ? `已登记 / registered: ${code}` : `已更换密钥 / secret rotated: ${code}`,
    );
    console.log(`成员密钥（只显示这一次）/ member secret (shown once): ${r.secret}`);
    console.log(
      "在该平台设置 EXCHANGE_MEMBER_SECRET 为此值 / set it as EXCHANGE_MEMBER_SECRET there",
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
