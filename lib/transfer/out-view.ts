import "server-only";
import type { Db } from "@/lib/db/client";
import { HUB_TRANSFER_STATES } from "@/lib/exchange/hub-states";
import { transferLockReason } from "@/lib/person/locks";
import { destinationName } from "./destination";
import {
  isOutOpen,
  mayApplyForTransferOut,
  OUT_TRANSFER_STATES,
  type OutTransferState,
} from "./out-states";

// What the person's 人员调转 page shows (用户操作手册 4.1): each 调出申请 with its 当前状态 and
// 全国平台处理状态, whether they may apply (again) and why not.

export interface OutApplicationView {
  id: string;
  state: OutTransferState;
  stateLabel: string;
  /** 全国平台处理状态, once the application reached the exchange */
  hubStateLabel: string | null;
  destination: string;
  reason: string;
  createdAt: Date;
  reviewDueAt: Date;
  reviewedAt: Date | null;
  reviewReason: string | null;
  /** 全国平台未接收：… (state "refused") */
  refusalReason: string | null;
  attachmentIds: string[];
  open: boolean;
  /** 撤回 is offered: 待审核, or 审核通过 while the destination has not received it */
  withdrawable: boolean;
}

export interface OutOverview {
  collected: boolean;
  /** Why 申请调出 is not offered now, or null */
  cannotApply: string | null;
  /** The lock 信息变更 and 继续教育 show, or null */
  lock: string | null;
  applications: OutApplicationView[];
}

export const NOT_COLLECTED_FOR_TRANSFER = "完成信息采集后才能申请调出";

export async function transferOutOverview(db: Db, personId: string): Promise<OutOverview> {
  const [person, rows] = await Promise.all([
    db.person.findUniqueOrThrow({
      where: { id: personId },
      select: { transferState: true, archive: { select: { id: true } } },
    }),
    db.transferOut.findMany({
      where: { personId },
      orderBy: { createdAt: "desc" },
      include: { attachments: { orderBy: { position: "asc" }, select: { attachmentId: true } } },
    }),
  ]);
  const applications = rows.map((r): OutApplicationView => {
    const state = r.state as OutTransferState;
    return {
      id: r.id,
      state,
      stateLabel: OUT_TRANSFER_STATES.label(state) ?? r.state,
      hubStateLabel: r.hubState ? (HUB_TRANSFER_STATES.label(r.hubState) ?? null) : null,
      destination: destinationName(r.destMember, r.destRegionCode),
      reason: r.reason,
      createdAt: r.createdAt,
      reviewDueAt: r.reviewDueAt,
      reviewedAt: r.reviewedAt,
      reviewReason: r.reviewReason,
      refusalReason: r.refusalReason,
      attachmentIds: r.attachments.map((a) => a.attachmentId),
      open: isOutOpen(state),
      withdrawable: state === "pending" || state === "approved",
    };
  });
  const collected = person.archive !== null;
  const lock = transferLockReason(person.transferState);
  const latest = applications[0]?.state ?? null;
  const cannotApply = !collected
    ? NOT_COLLECTED_FOR_TRANSFER
    : person.transferState === "OUT_DONE"
      ? lock
      : mayApplyForTransferOut(latest)
        ? null
        : "您的调出申请正在办理中";
  return { collected, cannotApply, lock, applications };
}
