/** Audit action names. One list so reports and the future staff console agree on them. */
export const AUDIT_ACTIONS = [
  "auth.register",
  "auth.login",
  /** a staff member's right password: the second factor still to come */
  "auth.password",
  "auth.lockout",
  "auth.logout",
  "auth.session-expired",
  "auth.password-reset",
  "auth.password-change",
  "auth.phone-change",
  "auth.sms-code-sent",
  "auth.sms-code-refused",
  "auth.second-factor",
  "auth.totp-enrol",
  "auth.recovery-code",
  "collection.save-step",
  "collection.save-draft",
  "collection.submit",
  "archive.change",
  "attachment.upload",
  "attachment.sweep",
  "attachment.staff-view",
  "ce.claim-submit",
  "ce.claim-withdraw",
  "ce.claim-review",
  "ce.course-record",
  "ce.course-complete",
  "ce.course-import",
  "ce.course-import-check",
  "import.history",
  "import.history-person",
  "staff.create",
  "staff.roles",
  "staff.disable",
  "staff.enable",
  "staff.password-reset",
  "staff.second-factor-reset",
  "staff.person-lookup",
  "staff.history-view",
  /** 导出: a "started" row, then one with the row count when it completes, aborts or fails */
  "staff.export",
  /** 人员查询: the filter without the number, the name masked (lib/search/search-filter.ts) */
  "staff.person-search",
  /** 人员详情 read */
  "staff.person-view",
  /** a person's 继续教育 page read by finance staff */
  "staff.ce-view",
  /** a claim's detail (with its evidence) opened for 学分认定 */
  "ce.claim-view",
  /** 显示完整证件号码: one person's number decrypted for a staff member */
  "staff.id-reveal",
  "transfer.out-apply",
  "transfer.out-withdraw",
  "transfer.out-review",
  "transfer.out-outcome",
  "transfer.out-refused",
  "transfer.staff-view",
  "transfer.in-verify",
  "transfer.in-apply",
  "transfer.in-review",
  "transfer.in-outcome",
  "transfer.in-refused",
  "holiday.seed",
  "holiday.change",
  "stats.recompute",
  "stats.export",
  /** a staff member read the 操作日志 (the filter, never the rows) */
  "audit.read",
  /** the retention job moved old rows to object storage (lib/audit/retention.ts) */
  "audit.archive",
  "notice.create",
  "notice.update",
  "notice.publish",
  "notice.withdraw",
  "content.update",
  /** 财政部门联系方式 of one office saved or removed (lib/help/contact-admin.ts; details.op) */
  "contact.update",
  /** 账号申诉 (lib/appeal): the phone verified, a draft begun; a photo; 提交 */
  "appeal.start",
  "appeal.photo",
  "appeal.submit",
  /** the appellant looked up their appeal's state (申诉编号 + the phone's code) */
  "appeal.status",
  /** a reviewer opened an appeal, or one of its photos */
  "appeal.view",
  "appeal.photo-view",
  /** 通过（改绑手机号） or 不通过 */
  "appeal.decide",
  /** the job removed drafts nobody submitted (lib/appeal/prune-drafts.ts) */
  "appeal.prune",
  /** a PDF's 核验码 issued (我的档案, 学分证明); details keep a prefix of its hash, never the code */
  "verification.issue",
  /** a 档案核验 lookup, hit or miss (details: the code's hash prefix and the answer) */
  "verification.lookup",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
