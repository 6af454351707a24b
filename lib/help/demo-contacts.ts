import "server-only";
import type { Db } from "@/lib/db/client";

// 财政部门联系方式 for the demo on the embedded default (lib/seed/demo.ts), so the 帮助 page has
// something to show. Marked 演示 in the name and the address: the numbers are patterns, not any
// office's. A real deployment has none until its 管理员 enter their own.

const GUANGDONG = [
  {
    regionCode: "440000",
    officeName: "广东省财政厅会计处（演示）",
    phone: "020-12345678",
    address: "广州市越秀区示例路1号（演示地址）",
    hours: "工作日 9:00—12:00，14:00—17:30",
  },
  {
    regionCode: "440100",
    officeName: "广州市财政局会计科（演示）",
    phone: "020-87654321",
    address: "广州市天河区示例大道2号（演示地址）",
    hours: "工作日 9:00—12:00，14:00—17:30",
  },
  {
    regionCode: "440600",
    officeName: "佛山市财政局会计科（演示）",
    phone: "0757-12345678",
    address: "佛山市禅城区示例街3号（演示地址）",
    hours: "工作日 8:30—12:00，14:30—17:30",
  },
];

/** The demo contacts of the jurisdiction, if it has any and none are stored yet. */
export async function seedDemoContacts(db: Db, jurisdictionCode: string): Promise<void> {
  if (jurisdictionCode !== "440000") return;
  if ((await db.financeOfficeContact.count()) > 0) return;
  await db.financeOfficeContact.createMany({ data: GUANGDONG, skipDuplicates: true });
}
