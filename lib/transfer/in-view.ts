import "server-only";
import type { Db } from "@/lib/db/client";
import { regionName } from "@/lib/region/divisions";
import { IN_TRANSFER_STATES, type InTransferState, isInOpen } from "./in-states";

// The person's 调入申请 as their 人员调转 page and 个人中心 show them (用户操作手册 4.2).

export interface InApplicationView {
  id: string;
  state: InTransferState;
  stateLabel: string;
  from: string;
  destination: string;
  createdAt: Date;
  reviewDueAt: Date;
  reviewReason: string | null;
  open: boolean;
  /** received and imported as a pre-filled draft: 信息采集 waits (not for someone returning) */
  toCollection: boolean;
  /** what the state means for the person, in a sentence */
  help: string;
}

const HELP: Record<InTransferState, string> = {
  pending: "1-2个工作日内系统自动完成审核。",
  approved: "审核通过，正在等待全国平台确认接收。",
  rejected: "调入申请审核不通过，档案仍在调出地。",
  received: "调入已完成，请在“信息采集”中核对调入的信息并提交。",
  cancelled: "调出地已撤回该调转，档案仍在调出地。",
};

/** Imported into an archive: someone returning (in-return.ts), or collected since. */
const IN_ARCHIVE_HELP = "调入已完成，档案已转入本平台。如信息有变化，请办理信息变更。";

export async function transferInList(db: Db, personId: string): Promise<InApplicationView[]> {
  const [rows, archive] = await Promise.all([
    db.transferIn.findMany({ where: { personId }, orderBy: { createdAt: "desc" } }),
    db.archive.findUnique({ where: { personId }, select: { id: true } }),
  ]);
  return rows.map((r) => {
    const state = r.state as InTransferState;
    const imported = r.fileImportedAt !== null;
    return {
      id: r.id,
      state,
      stateLabel: IN_TRANSFER_STATES.label(state) ?? r.state,
      from: r.originRegionName,
      destination: regionName(r.regionCode, "") ?? r.regionCode,
      createdAt: r.createdAt,
      reviewDueAt: r.reviewDueAt,
      reviewReason: r.state === "rejected" ? r.reviewReason : null,
      open: isInOpen(state),
      toCollection: imported && !archive,
      help: imported && archive ? IN_ARCHIVE_HELP : HELP[state],
    };
  });
}
