import { defineCodeTable } from "./code-table";

// The state of one 继续教育 record (CeCredit.state): the platform's own code table, stored, so a
// code is never renamed. It sits with the code tables rather than in lib/ce because the region
// lock (lib/person/locks.ts) reads it too, and lib/ce builds on lib/person.

export const CE_RECORD_STATES = defineCodeTable(
  [
    { code: "enrolled", label: "学习中" },
    { code: "completed", label: "已学完" },
    { code: "claimed", label: "待认定" },
    { code: "recognised", label: "已认定" },
    { code: "rejected", label: "不予认定" },
  ],
  "学分记录状态无效",
);
export type CeRecordState = (typeof CE_RECORD_STATES.codes)[number];

/** Enrolled courses and claims awaiting recognition are 在途未完成数据 (they lock the region). */
export function isInProgress(state: CeRecordState): boolean {
  return state === "enrolled" || state === "claimed";
}

/** Finished courses and recognised claims are earned credits (they count for their year). */
export function countsAsEarned(state: CeRecordState): boolean {
  return state === "completed" || state === "recognised";
}
