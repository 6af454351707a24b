import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsForStaff } from "@/lib/audit/audit-query";
import { reviewClaim } from "@/lib/ce/claim-review";
import { importCourses, previewCourseImport } from "@/lib/ce/course-import";
import { completeCourse, recordCourse } from "@/lib/ce/courses";
import { claimForReview } from "@/lib/ce/review-queries";
import { STAFF_ROLES, type StaffActor, type StaffRole } from "@/lib/codes/staff-roles";
import { contentForEdit, resetContentBlock, saveContentBlock } from "@/lib/content/content-admin";
import { decryptField } from "@/lib/crypto/field-cipher";
import { db } from "@/lib/db/client";
import { exportPeople } from "@/lib/export/people-export";
import {
  contactForEdit,
  keptContacts,
  removeFinanceContact,
  saveFinanceContact,
} from "@/lib/help/contact-admin";
import { importHistory } from "@/lib/import/history-import";
import {
  listNotices,
  noticeForEdit,
  publishNotice,
  saveNotice,
  withdrawNotice,
} from "@/lib/notice/notice-admin";
import { regionWithin } from "@/lib/region/scope";
import { refreshPersonSearch } from "@/lib/search/projection";
import { parseSearchFilter } from "@/lib/search/search-filter";
import { searchPeople } from "@/lib/search/search-service";
import { staffAccountDetail, staffAccountsPage } from "@/lib/staff/staff-admin-queries";
import {
  changeStaffRoles,
  createStaffAccount,
  disableStaffAccount,
  enableStaffAccount,
  resetStaffAccountPassword,
  resetStaffAccountSecondFactor,
} from "@/lib/staff/staff-admin-service";
import {
  findPersonInScope,
  personDetailForStaff,
  personForStaff,
  personHistoryForStaff,
  revealIdNumber,
} from "@/lib/staff/person-lookup";
import { recomputeNow } from "@/lib/stats/recompute";
import { statsDashboard } from "@/lib/stats/dashboard";
import { statsExport } from "@/lib/stats/export";
import { inApplicationForStaff, inApplicationsForStaff } from "@/lib/transfer/in-queries";
import { reviewTransferIn } from "@/lib/transfer/in-review";
import { outApplicationForStaff, outApplicationsForStaff } from "@/lib/transfer/out-queries";
import { reviewTransferOut } from "@/lib/transfer/out-review";
import { readableAttachment, staffAttachmentViewer } from "@/lib/upload/attachment-service";
import { deleteHolidayDay, saveHolidayDay } from "@/lib/workdays/holiday-service";
import { ceFixtures } from "../../support/ce";
import { ctx, personWithSession, tempStorageForFile } from "../../support/collection";
import { courseRow, courseSheet } from "../../support/course-sheet";
import { historyRow } from "../../support/history-import";
import { createTestStaff } from "../../support/staff";

// The console's authorisation matrix (issue 11): every staff query and action × every role alone
// (and none) × a target on the staff member's own node, a child, a sibling and the parent. Each
// cell asserts the service's answer — allowed cells succeed on the target, every other cell is
// refused or reads like not found — and that no refused answer carries anything of the target
// (name, number, id, 登录名). The services are called directly: they hold the checks (pages and
// the action builders check the role again for the interface; app/action-chokepoints.test.ts
// keeps every console action behind staffAction, which an accountant's session never passes).
//
// One fixture, seeded once in 广东: the province (440000), 广州 (440100), 天河区 (440106) under it,
// its sibling 越秀区 (440104) and the sibling city 佛山 (440600) — a person, an audit row, a
// notice and a staff account in each.

type Relation = "own" | "child" | "sibling" | "parent";
/** Who acts, and where the target lies from there. */
const PLACES: { actorRegion: string; relation: Relation; target: string }[] = [
  { actorRegion: "440100", relation: "own", target: "440100" },
  { actorRegion: "440100", relation: "child", target: "440106" },
  { actorRegion: "440100", relation: "sibling", target: "440600" },
  { actorRegion: "440100", relation: "parent", target: "440000" },
  { actorRegion: "440106", relation: "own", target: "440106" },
  { actorRegion: "440106", relation: "sibling", target: "440104" },
  { actorRegion: "440106", relation: "parent", target: "440100" },
  { actorRegion: "440000", relation: "own", target: "440000" },
  { actorRegion: "440000", relation: "child", target: "440600" },
];
const REGIONS = ["440000", "440100", "440106", "440104", "440600"] as const;
const ROLES: (StaffRole | null)[] = [...STAFF_ROLES.codes, null];
const MARK = `authz-${randomUUID().slice(0, 8)}`;

interface Target {
  region: string;
  personId: string;
  name: string;
  idNumber: string;
  noticeId: string;
  staffId: string;
  username: string;
  /** a file attached to a claim awaiting 学分认定 */
  evidenceId: string;
  /** a collected person: provider courses are entered for them */
  learner: { personId: string; name: string; idNumber: string };
  /** a 调出申请 and a 调入申请 awaiting review, of two more people of the region */
  outId: string;
  inId: string;
  /** people whose applications the decision cells make and decide, one at a time */
  outDecider: string;
  inDecider: string;
}
const targets = new Map<string, Target>();

/** What a refused answer must not contain of the target. */
const secretsOf = (t: Target) => [
  t.personId,
  t.name,
  t.idNumber,
  t.staffId,
  t.username,
  t.evidenceId,
  t.learner.personId,
  t.learner.name,
  t.learner.idNumber,
  t.outId,
  t.inId,
];

interface Cell {
  actor: StaffActor;
  relation: Relation;
  target: Target;
  role: StaffRole | null;
  /** The province's own node: what only the jurisdiction's staff may do (holidays, 立即更新). */
  province: boolean;
}

interface Op {
  name: string;
  /** The roles that may; "any" for what every staff member may read (statistics). */
  roles: readonly StaffRole[] | "any";
  /**
   * Where it may reach: the own node and below; or the office itself (a target does not enter);
   * or the office of the jurisdiction itself, the province.
   */
  reach: "down" | "own" | "province";
  /** The call; `true` when it did what was asked on the target, and the answer for the leak check. */
  run: (c: Cell) => Promise<{ done: boolean; answer: unknown }>;
}

const byName = (name: string) => {
  const f = parseSearchFilter(new URLSearchParams({ q: name }));
  if (!f.ok) throw new Error("filter");
  return f.filter;
};
const admin = (c: Cell) => ({
  staffId: c.actor.staffId,
  regionCode: c.actor.regionCodes[0]!,
  roles: c.actor.roles,
});

/**
 * A county of the target's node that lies in no other node of the fixture: a 历史档案 row is
 * filed under a county (惠城区 for the province, 荔湾区 for 广州, 禅城区 for 佛山).
 */
const COUNTY_OF: Record<string, string> = {
  "440000": "441302",
  "440100": "440103",
  "440106": "440106",
  "440104": "440104",
  "440600": "440604",
};

const OPS: Op[] = [
  {
    name: "历史档案导入 import",
    roles: ["import"],
    reach: "down",
    run: async (c) => {
      const r = await importHistory(db, ctx, c.actor, {
        rows: [{ line: 2, values: historyRow({}, COUNTY_OF[c.target.region]!) }],
        numericIdLines: [],
      });
      if ("reason" in r) return { done: false, answer: r };
      return { done: r.imported === 1, answer: r.rows.map((row) => row.errors) };
    },
  },
  {
    name: "人员查询 search",
    roles: ["archive-read"],
    reach: "down",
    run: async (c) => {
      const r = await searchPeople(db, ctx, c.actor, byName(c.target.name));
      const rows = r.ok ? r.result.page.rows : [];
      for (const row of rows) expect(regionWithin(row.regionCode, c.actor.regionCodes)).toBe(true);
      return { done: rows.some((row) => row.personId === c.target.personId), answer: r };
    },
  },
  {
    name: "人员查询 count",
    roles: ["archive-read"],
    reach: "down",
    run: async (c) => {
      const r = await searchPeople(db, ctx, c.actor, byName(c.target.name));
      return { done: r.ok && r.result.total.count === 1, answer: r.ok ? r.result.total : r };
    },
  },
  {
    name: "按证件号码查询 lookup",
    roles: ["archive-read", "ce-course"],
    reach: "down",
    run: async (c) => {
      const r = await findPersonInScope(db, ctx, c.actor, c.target.idNumber);
      return { done: r.ok && r.personId === c.target.personId, answer: r };
    },
  },
  {
    name: "人员详情 detail",
    roles: ["archive-read"],
    reach: "down",
    run: async (c) => {
      const r = await personDetailForStaff(db, ctx, c.actor, c.target.personId);
      return { done: r?.person.personId === c.target.personId, answer: r };
    },
  },
  {
    name: "变更记录 history",
    roles: ["archive-read"],
    reach: "down",
    run: async (c) => {
      const r = await personHistoryForStaff(db, ctx, c.actor, c.target.personId);
      return { done: r?.person.personId === c.target.personId, answer: r };
    },
  },
  {
    name: "继续教育人员 person",
    roles: ["archive-read", "ce-course"],
    reach: "down",
    run: async (c) => {
      const r = await personForStaff(db, c.actor, c.target.personId);
      return { done: r?.personId === c.target.personId, answer: r };
    },
  },
  {
    name: "显示证件号码 reveal",
    roles: ["archive-read"],
    reach: "down",
    run: async (c) => {
      const r = await revealIdNumber(db, ctx, c.actor, c.target.personId);
      return { done: r.ok && r.idNumber === c.target.idNumber, answer: r };
    },
  },
  {
    name: "导出 export",
    roles: ["export", "export-full"],
    reach: "down",
    run: async (c) => {
      const r = await exportPeople(db, ctx, c.actor, {
        filter: byName(c.target.name),
        format: "csv",
      });
      if (!r.ok) return { done: false, answer: r };
      const text = await new Response(r.body).text();
      return { done: text.includes(c.target.name), answer: text };
    },
  },
  {
    name: "操作日志 audit query",
    roles: ["audit-read"],
    reach: "down",
    run: async (c) => {
      const r = await auditRowsForStaff(db, ctx, c.actor, {
        targetType: MARK,
        region: c.target.region,
      });
      const rows = r.ok ? r.rows : [];
      for (const row of rows) expect(regionWithin(row.regionCode!, c.actor.regionCodes)).toBe(true);
      return { done: rows.some((row) => row.regionCode === c.target.region), answer: r };
    },
  },
  {
    name: "操作日志 actor filter",
    roles: ["audit-read"],
    reach: "down",
    run: async (c) => {
      const r = await auditRowsForStaff(db, ctx, c.actor, {
        targetType: MARK,
        actor: { kind: "staff-username", username: c.target.username },
      });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "学分认定 open",
    roles: ["ce-review"],
    reach: "down",
    run: async (c) => {
      const id = await freshClaim(c.target);
      const r = await claimForReview(db, ctx, c.actor, id);
      return { done: r?.id === id, answer: r };
    },
  },
  {
    name: "学分认定 decide",
    roles: ["ce-review"],
    reach: "down",
    run: async (c) => {
      const id = await freshClaim(c.target);
      const r = await reviewClaim(db, ctx, c.actor, id, "reject", "证明材料不符");
      const row = await db.ceCredit.findUniqueOrThrow({ where: { id }, select: { state: true } });
      expect(row.state).toBe(r.ok ? "rejected" : "claimed");
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "附件 claim evidence view",
    roles: ["ce-review"],
    reach: "down",
    run: async (c) => {
      const r = await readableAttachment(db, c.target.evidenceId, staffAttachmentViewer(c.actor));
      return { done: r !== null, answer: r };
    },
  },
  {
    name: "课程学分 record",
    roles: ["ce-course"],
    reach: "down",
    run: async (c) => {
      const r = await recordCourse(db, ctx, c.actor, {
        personId: c.target.learner.personId,
        year: 2026,
        courseName: `${MARK}-${randomUUID().slice(0, 8)}`,
        provider: "广东省会计人员继续教育中心",
        category: "PUBLIC",
        credits: "30",
        completed: true,
      });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "课程学分 complete",
    roles: ["ce-course"],
    reach: "down",
    run: async (c) => {
      const id = await freshCourse(c.target);
      const r = await completeCourse(db, ctx, c.actor, id);
      const row = await db.ceCredit.findUniqueOrThrow({ where: { id }, select: { state: true } });
      expect(row.state).toBe(r.ok ? "completed" : "enrolled");
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "课程学分导入 check",
    roles: ["ce-course"],
    reach: "down",
    run: async (c) => {
      const r = await previewCourseImport(db, ctx, c.actor, await learnerSheet(c.target));
      if ("reason" in r) return { done: false, answer: r };
      // the rows echo the sheet as sent; what the service adds is in the errors and `found`
      const answer = { found: r.found, errors: r.rows.map((row) => row.errors) };
      return { done: r.found.includes(c.target.learner.personId), answer };
    },
  },
  {
    name: "课程学分导入 import",
    roles: ["ce-course"],
    reach: "down",
    run: async (c) => {
      const r = await importCourses(db, ctx, c.actor, await learnerSheet(c.target));
      if (r.ok || "reason" in r) return { done: r.ok, answer: r };
      return { done: false, answer: r.rows.map((row) => row.errors) };
    },
  },
  {
    name: "调出审核 list",
    roles: ["transfer-review"],
    reach: "down",
    run: async (c) => {
      const r = await outApplicationsForStaff(db, c.actor, "pending");
      expectInScope(r.rows, c.actor);
      return { done: r.rows.some((row) => row.id === c.target.outId), answer: r };
    },
  },
  {
    name: "调出审核 open",
    roles: ["transfer-review"],
    reach: "down",
    run: async (c) => {
      const r = await outApplicationForStaff(db, ctx, c.actor, c.target.outId);
      return { done: r?.id === c.target.outId, answer: r };
    },
  },
  {
    name: "调出审核 decide",
    roles: ["transfer-review"],
    reach: "down",
    run: async (c) => {
      const id = await freshTransferOut(c.target);
      const r = await reviewTransferOut(db, storage(), ctx, { type: "staff", scope: c.actor }, id, {
        decision: "reject",
        reason: "材料不全",
      });
      const row = await db.transferOut.findUniqueOrThrow({ where: { id } });
      expect(row.state).toBe(r.ok ? "rejected" : "pending");
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "调入审核 list",
    roles: ["transfer-review"],
    reach: "down",
    run: async (c) => {
      const r = await inApplicationsForStaff(db, c.actor, "pending");
      expectInScope(r.rows, c.actor);
      return { done: r.rows.some((row) => row.id === c.target.inId), answer: r };
    },
  },
  {
    name: "调入审核 open",
    roles: ["transfer-review"],
    reach: "down",
    run: async (c) => {
      const r = await inApplicationForStaff(db, ctx, c.actor, c.target.inId);
      return { done: r?.id === c.target.inId, answer: r };
    },
  },
  {
    name: "调入审核 decide",
    roles: ["transfer-review"],
    reach: "down",
    run: async (c) => {
      const id = await freshTransferIn(c.target);
      const r = await reviewTransferIn(db, ctx, { type: "staff", scope: c.actor }, id, {
        decision: "reject",
        reason: "材料不全",
      });
      const row = await db.transferIn.findUniqueOrThrow({ where: { id } });
      expect(row.state).toBe(r.ok ? "rejected" : "pending");
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "统计分析 dashboard",
    roles: "any",
    reach: "down",
    run: async (c) => {
      const r = await statsDashboard(db, c.actor, c.target.region);
      return { done: r !== null, answer: r };
    },
  },
  {
    name: "统计分析 立即更新",
    roles: ["staff-admin"],
    reach: "province",
    run: async (c) => {
      const r = await recomputeNow(db, ctx, c.actor);
      // "busy" / "fresh" (another run, or one a moment ago): allowed, only not again so soon
      return { done: r.ok || r.reason === "busy" || r.reason === "fresh", answer: r };
    },
  },
  {
    name: "统计分析 导出Excel",
    roles: "any",
    reach: "down",
    run: async (c) => {
      const r = await statsExport(db, ctx, c.actor, {
        chart: "employment-status",
        region: c.target.region,
      });
      return { done: r !== null, answer: r?.filename ?? null };
    },
  },
  {
    name: "通知公告 list",
    roles: ["staff-admin"],
    reach: "own",
    run: async (c) => {
      const r = await listNotices(db, c.actor, {});
      for (const n of r.rows) expect(regionWithin(n.regionCode, c.actor.regionCodes)).toBe(true);
      return { done: r.total > 0, answer: r };
    },
  },
  {
    name: "通知公告 open",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await noticeForEdit(db, c.actor, c.target.noticeId);
      return { done: r?.id === c.target.noticeId, answer: r };
    },
  },
  {
    name: "通知公告 create",
    roles: ["staff-admin"],
    reach: "own",
    run: async (c) => {
      const r = await saveNotice(db, ctx, c.actor, { title: MARK, body: "正文" });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "通知公告 edit",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const id = await freshNotice(c.target.region);
      const r = await saveNotice(db, ctx, c.actor, { id, title: MARK, body: "改后" });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "通知公告 publish + withdraw",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const id = await freshNotice(c.target.region);
      const p = await publishNotice(db, ctx, c.actor, { id, at: "" });
      const w = await withdrawNotice(db, ctx, c.actor, { id });
      return { done: p.ok && w.ok, answer: [p, w] };
    },
  },
  {
    name: "采集须知 edit",
    roles: ["staff-admin"],
    reach: "own",
    run: async (c) => {
      const open = await contentForEdit(db, c.actor, "collection-notice");
      const r = await saveContentBlock(db, ctx, c.actor, "collection-notice", {
        title: "采集须知",
        body: `${MARK}\n\n第二段`,
      });
      // back to the platform's text: other tests read 广东's 采集须知
      await resetContentBlock(db, ctx, c.actor, "collection-notice");
      return { done: open !== null && r.ok, answer: [open, r] };
    },
  },
  {
    name: "财政部门联系方式 list",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const groups = await keptContacts(db, c.actor);
      const codes = groups?.flatMap((g) => g.offices.map((o) => o.regionCode)) ?? [];
      for (const code of codes) expect(regionWithin(code, c.actor.regionCodes)).toBe(true);
      return { done: codes.includes(c.target.region), answer: groups };
    },
  },
  {
    name: "财政部门联系方式 open",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const edit = await contactForEdit(db, c.actor, c.target.region);
      return { done: edit !== null, answer: edit };
    },
  },
  {
    name: "财政部门联系方式 edit",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await saveFinanceContact(db, ctx, c.actor, {
        regionCode: c.target.region,
        officeName: `${MARK}会计科`,
        phone: "020-83170000",
        address: "示例路1号",
        hours: "",
      });
      // other tests read the offices' contacts
      await db.financeOfficeContact.deleteMany({ where: { officeName: `${MARK}会计科` } });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "财政部门联系方式 remove",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const kept = await db.financeOfficeContact.findUnique({
        where: { regionCode: c.target.region },
      });
      const r = await removeFinanceContact(db, ctx, c.actor, c.target.region);
      // other tests read the offices' contacts: put back what was there
      if (kept && r.ok) await db.financeOfficeContact.create({ data: kept });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "节假日 edit",
    roles: ["staff-admin"],
    reach: "province",
    run: async (c) => {
      const r = await saveHolidayDay(db, ctx, c.actor, {
        date: "2099-10-01",
        kind: "holiday",
        name: "国庆节",
      });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "节假日 delete",
    roles: ["staff-admin"],
    reach: "province",
    run: async (c) => {
      await db.holidayDay.upsert({
        where: { day: new Date("2099-10-02T00:00:00Z") },
        create: {
          day: new Date("2099-10-02T00:00:00Z"),
          year: 2099,
          kind: "holiday",
          name: "国庆节",
          source: "staff",
        },
        update: {},
      });
      const r = await deleteHolidayDay(db, ctx, c.actor, { date: "2099-10-02" });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "用户管理 create",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await createStaffAccount(db, ctx, admin(c), {
        username: `m${randomUUID().replaceAll("-", "").slice(0, 12)}`,
        name: "新同事",
        regionCode: c.target.region,
        roles: ["staff-admin"],
      });
      return { done: r.ok, answer: r.ok ? "created" : r };
    },
  },
  {
    name: "用户管理 list",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await staffAccountsPage(db, admin(c), { q: c.target.username });
      return { done: r.rows.some((s) => s.id === c.target.staffId), answer: r };
    },
  },
  {
    name: "用户管理 detail",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await staffAccountDetail(db, admin(c), c.target.staffId);
      return { done: r?.reach === "manage", answer: r };
    },
  },
  {
    name: "用户管理 roles",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await changeStaffRoles(db, ctx, admin(c), {
        staffId: c.target.staffId,
        roles: ["staff-admin"],
        expected: ["staff-admin"],
      });
      return { done: r.ok, answer: r };
    },
  },
  {
    name: "用户管理 reset password",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await resetStaffAccountPassword(db, ctx, admin(c), c.target.staffId);
      return { done: r.ok, answer: r.ok ? "reset" : r };
    },
  },
  {
    name: "用户管理 reset second factor",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const r = await resetStaffAccountSecondFactor(db, ctx, admin(c), c.target.staffId);
      return { done: r.ok, answer: r.ok ? "reset" : r };
    },
  },
  {
    name: "用户管理 disable + enable",
    roles: ["staff-admin"],
    reach: "down",
    run: async (c) => {
      const d = await disableStaffAccount(db, ctx, admin(c), c.target.staffId);
      const e = await enableStaffAccount(db, ctx, admin(c), c.target.staffId);
      return { done: d.ok && e.ok, answer: [d, e] };
    },
  },
];

async function freshNotice(regionCode: string): Promise<string> {
  const n = await db.notice.create({
    data: { title: MARK, body: "<p>正文</p>", regionCode, status: "draft", publishedAt: null },
    select: { id: true },
  });
  return n.id;
}

/** A claim awaiting 学分认定 of the target person, in the target's region. */
async function freshClaim(t: Pick<Target, "personId" | "region">): Promise<string> {
  const row = await db.ceCredit.create({
    data: {
      personId: t.personId,
      regionCode: t.region,
      year: 2026,
      kind: "EXAM",
      category: "PROFESSIONAL",
      credits: 90,
      state: "claimed",
      title: MARK,
    },
    select: { id: true },
  });
  return row.id;
}

/** A provider course 学习中 of the target's learner, for 完成 to act on. */
async function freshCourse(t: Target): Promise<string> {
  const row = await db.ceCredit.create({
    data: {
      personId: t.learner.personId,
      regionCode: t.region,
      year: 2026,
      kind: "COURSE",
      category: "PUBLIC",
      credits: 30,
      state: "enrolled",
      title: `${MARK}-${randomUUID().slice(0, 8)}`,
    },
    select: { id: true },
  });
  return row.id;
}

/** A course sheet naming the target's learner, with a course never entered before. */
const learnerSheet = (t: Target) =>
  courseSheet([courseRow(t.learner, { courseName: `${MARK}-${randomUUID().slice(0, 8)}` })]);

const store = tempStorageForFile();
const storage = () => store.current.storage;
const { collected } = ceFixtures(store);

/** The decider's 调出申请 awaiting review; whatever the last cell left open is closed first. */
async function freshTransferOut(t: Target): Promise<string> {
  await db.transferOut.updateMany({
    where: { personId: t.outDecider, state: "pending" },
    data: { state: "withdrawn", closedAt: new Date() },
  });
  return pendingOut(t.outDecider, t.region);
}

async function freshTransferIn(t: Target): Promise<string> {
  await db.transferIn.updateMany({
    where: { personId: t.inDecider, state: "pending" },
    data: { state: "cancelled", closedAt: new Date() },
  });
  return pendingIn(t.inDecider, t.region);
}

async function pendingOut(personId: string, regionCode: string): Promise<string> {
  const row = await db.transferOut.create({
    data: {
      personId,
      regionCode,
      destMember: "310000",
      destRegionCode: "310104",
      reason: "工作调动",
      state: "pending",
      reviewDueAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  regionOfApplication.set(row.id, regionCode);
  return row.id;
}

async function pendingIn(personId: string, regionCode: string): Promise<string> {
  const row = await db.transferIn.create({
    data: {
      id: randomUUID(),
      personId,
      regionCode,
      originMember: "310000",
      originRegionName: "上海市徐汇区",
      state: "pending",
      reviewDueAt: new Date(Date.now() + 86_400_000),
      submittedAt: new Date(),
    },
    select: { id: true },
  });
  regionOfApplication.set(row.id, regionCode);
  return row.id;
}

/** Where the fixture's applications lie: a list must show none from outside the actor's scope. */
const regionOfApplication = new Map<string, string>();
function expectInScope(rows: { id: string }[], actor: StaffActor) {
  for (const row of rows) {
    const region = regionOfApplication.get(row.id);
    if (region) expect(regionWithin(region, actor.regionCodes)).toBe(true);
  }
}

/** Another person of the region, searchable there. */
async function personIn(region: string): Promise<string> {
  const s = await personWithSession(db);
  await db.person.update({ where: { id: s.personId }, data: { regionCode: region } });
  await db.$transaction((tx) => refreshPersonSearch(tx, s.personId));
  return s.personId;
}

function expected(op: Op, c: Cell): boolean {
  const role = op.roles === "any" || (c.role !== null && op.roles.includes(c.role));
  const where =
    op.reach === "down"
      ? c.relation === "own" || c.relation === "child"
      : op.reach === "own"
        ? c.relation === "own"
        : c.relation === "own" && c.province;
  return role && where;
}

beforeAll(async () => {
  const sequence = ["甲", "乙", "丙", "丁", "戊"];
  for (const [i, region] of REGIONS.entries()) {
    const s = await personWithSession(db);
    const name = `权矩${MARK.slice(-4)}${sequence[i]}`;
    const row = await db.person.update({
      where: { id: s.personId },
      data: { regionCode: region, name },
    });
    await db.$transaction((tx) => refreshPersonSearch(tx, s.personId));
    // Roles the city 管理员 holds (staff-admin alone), so 重置 and 启用 are within reach.
    const staff = await createTestStaff(db, region, ["staff-admin"]);
    await db.auditEvent.create({
      data: {
        actorType: "staff",
        actorId: staff.id,
        action: "holiday.change",
        outcome: "success",
        regionCode: region,
        targetType: MARK,
        targetId: region,
      },
    });
    // The file's row only: readableAttachment decides from the records, never the bytes.
    const evidence = await db.attachment.create({
      data: {
        personId: s.personId,
        kind: "ce-evidence",
        storageKey: `attachments/${randomUUID()}`,
        contentType: "image/png",
        byteSize: 1,
        width: 1,
        height: 1,
        sha256: "0".repeat(64),
        regionCode: region,
      },
      select: { id: true, storageKey: true },
    });
    const claim = await freshClaim({ personId: s.personId, region });
    await db.ceCredit.update({ where: { id: claim }, data: { evidenceId: evidence.id } });
    const learner = await collected();
    // a name of its own: a list of the region may show other people's, never this one outside it
    const learnerName = `学员${MARK.slice(-4)}${sequence[i]}`;
    await db.person.update({
      where: { id: learner.personId },
      data: { regionCode: region, name: learnerName },
    });
    await db.ceCredit.updateMany({
      where: { personId: learner.personId },
      data: { regionCode: region },
    });
    const learnerRow = await db.person.findUniqueOrThrow({ where: { id: learner.personId } });
    const [outPerson, inPerson] = [await personIn(region), await personIn(region)];
    targets.set(region, {
      learner: {
        personId: learner.personId,
        name: learnerName,
        idNumber: decryptField(learnerRow.idNumberCipher),
      },
      outId: await pendingOut(outPerson, region),
      inId: await pendingIn(inPerson, region),
      outDecider: await personIn(region),
      inDecider: await personIn(region),
      evidenceId: evidence.id,
      region,
      personId: s.personId,
      name,
      idNumber: decryptField(row.idNumberCipher),
      noticeId: await freshNotice(region),
      staffId: staff.id,
      username: staff.username,
    });
  }
}, 60_000);

const CELLS = PLACES.flatMap((p) =>
  ROLES.map((role) => ({
    ...p,
    role,
    label: `${role ?? "no role"} at ${p.actorRegion} on ${p.relation} (${p.target})`,
  })),
);

describe.each(OPS)("$name", (op) => {
  // What acts on the office itself (a new notice, 采集须知, 节假日) has no target to move.
  const cells = op.reach === "down" ? CELLS : CELLS.filter((c) => c.relation === "own");
  it.each(cells)("$label", async ({ actorRegion, relation, target, role }) => {
    const cell: Cell = {
      actor: { staffId: randomUUID(), regionCodes: [actorRegion], roles: role ? [role] : [] },
      relation,
      target: targets.get(target)!,
      role,
      province: actorRegion === "440000",
    };
    const allowed = expected(op, cell);
    const { done, answer } = await op.run(cell);
    expect(done, allowed ? "allowed, but not done" : "refused, but done").toBe(allowed);
    if (!allowed) {
      const text = JSON.stringify(answer ?? null);
      for (const secret of secretsOf(cell.target)) expect(text).not.toContain(secret);
    }
  });
});
