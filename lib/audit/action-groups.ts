import { AUDIT_ACTIONS, type AuditAction } from "./actions";

// What the 操作日志 shows for an action name, and the groups its filter offers. A Record over the
// closed union, so a new action name does not compile until it has its Chinese label.

export const ACTION_LABELS: Record<AuditAction, string> = {
  "auth.register": "注册",
  "auth.login": "登录",
  "auth.password": "登录（密码验证）",
  "auth.lockout": "账号锁定",
  "auth.logout": "退出登录",
  "auth.session-expired": "登录超时",
  "auth.password-reset": "找回密码",
  "auth.password-change": "修改密码",
  "auth.phone-change": "更换手机号码",
  "auth.sms-code-sent": "发送短信验证码",
  "auth.sms-code-refused": "拒绝发送短信验证码",
  "auth.second-factor": "登录（动态口令验证）",
  "auth.totp-enrol": "绑定动态口令",
  "auth.recovery-code": "使用恢复码",
  "collection.save-step": "信息采集保存",
  "collection.save-draft": "信息采集暂存",
  "collection.submit": "信息采集提交",
  "archive.change": "档案变更",
  "attachment.upload": "上传附件",
  "attachment.sweep": "清理附件",
  "attachment.staff-view": "查看附件",
  "ce.claim-submit": "学分申报",
  "ce.claim-withdraw": "撤回学分申报",
  "ce.claim-review": "学分认定",
  "ce.course-record": "登记培训课程",
  "ce.course-complete": "课程结业",
  "ce.course-import": "导入培训课程",
  "ce.course-import-check": "校验培训课程导入文件",
  "import.history": "导入历史档案",
  "import.history-person": "导入历史档案（建档）",
  "staff.create": "新增工作人员",
  "staff.roles": "修改工作人员权限",
  "staff.enable": "启用工作人员",
  "staff.disable": "停用工作人员",
  "staff.password-reset": "重置工作人员密码",
  "staff.second-factor-reset": "重置工作人员动态口令",
  "staff.person-lookup": "查询会计人员",
  "staff.history-view": "查看变更记录",
  "staff.ce-view": "查看继续教育记录",
  "ce.claim-view": "查看学分申报",
  "staff.export": "导出人员信息",
  "staff.person-search": "人员查询",
  "staff.person-view": "查看人员详情",
  "staff.id-reveal": "显示完整证件号码",
  "transfer.out-apply": "调出申请",
  "transfer.out-withdraw": "撤回调出申请",
  "transfer.out-review": "调出审核",
  "transfer.out-outcome": "调出结果",
  "transfer.out-refused": "调出未被接收",
  "transfer.staff-view": "查看调转申请",
  "transfer.in-verify": "调入核验",
  "transfer.in-apply": "调入申请",
  "transfer.in-review": "调入审核",
  "transfer.in-outcome": "调入结果",
  "transfer.in-refused": "调入未被接收",
  "holiday.seed": "初始化节假日",
  "holiday.change": "修改节假日",
  "audit.read": "查阅操作日志",
  "audit.archive": "归档操作日志",
  "stats.recompute": "更新统计数据",
  "stats.export": "导出统计表",
  "notice.create": "新建通知公告",
  "notice.update": "修改通知公告",
  "notice.publish": "发布通知公告",
  "notice.withdraw": "撤回通知公告",
  "content.update": "修改采集须知",
  "contact.update": "修改或删除财政部门联系方式",
  "appeal.start": "账号申诉（验证手机号）",
  "appeal.photo": "账号申诉（上传照片）",
  "appeal.submit": "提交账号申诉",
  "appeal.status": "查询账号申诉",
  "appeal.view": "查看账号申诉",
  "appeal.photo-view": "查看账号申诉照片",
  "appeal.decide": "账号申诉审核",
  "appeal.prune": "清理未提交的账号申诉",
  "verification.issue": "出具核验码（下载PDF）",
  "verification.lookup": "档案核验",
};

export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function isAuditAction(v: unknown): v is AuditAction {
  return (AUDIT_ACTIONS as readonly unknown[]).includes(v);
}

/**
 * The filter's groups. 导出 and 导入 also take every action under "export." / "import." by name,
 * so the export and import work lands in its group with nothing to change here.
 */
const GROUPS = {
  login: {
    label: "登录",
    actions: [
      "auth.login",
      "auth.password",
      "auth.second-factor",
      "auth.recovery-code",
      "auth.lockout",
      "auth.logout",
      "auth.session-expired",
    ],
    prefix: null,
  },
  "sensitive-view": {
    label: "敏感查看",
    actions: [
      "staff.person-lookup",
      "staff.history-view",
      "staff.person-search",
      "staff.person-view",
      "staff.ce-view",
      "ce.claim-view",
      "staff.id-reveal",
      "attachment.staff-view",
      "transfer.staff-view",
      "appeal.view",
      "appeal.photo-view",
      "audit.read",
    ],
    prefix: null,
  },
  export: { label: "导出", actions: ["staff.export", "stats.export"], prefix: "export." },
  import: {
    label: "导入",
    actions: ["ce.course-import", "ce.course-import-check"],
    prefix: "import.",
  },
  review: {
    label: "审核决定",
    actions: ["ce.claim-review", "transfer.out-review", "transfer.in-review", "appeal.decide"],
    prefix: null,
  },
  "staff-admin": {
    label: "用户管理",
    actions: [
      "staff.create",
      "staff.roles",
      "staff.disable",
      "staff.enable",
      "staff.password-reset",
      "staff.second-factor-reset",
    ],
    prefix: null,
  },
} satisfies Record<
  string,
  { label: string; actions: readonly AuditAction[]; prefix: string | null }
>;

export type ActionGroup = keyof typeof GROUPS;
export const ACTION_GROUPS = Object.keys(GROUPS) as ActionGroup[];

export function isActionGroup(v: unknown): v is ActionGroup {
  return typeof v === "string" && Object.hasOwn(GROUPS, v);
}

export function actionGroupLabel(group: ActionGroup): string {
  return GROUPS[group].label;
}

/** The action names a group stands for (possibly none yet: 导出 before any export exists). */
export function actionsOfGroup(group: ActionGroup): AuditAction[] {
  const g: { actions: readonly AuditAction[]; prefix: string | null } = GROUPS[group];
  return AUDIT_ACTIONS.filter(
    (a) => g.actions.includes(a) || (g.prefix !== null && a.startsWith(g.prefix)),
  );
}
