import { SideNav } from "@/components/shell/side-nav";
import { hasRole, type StaffRole } from "@/lib/codes/staff-roles";

// The console's menu lists what this staff member may open: an entry whose page would only say
// 没有权限 is left out (the pages still check the role themselves). 工作台, 统计分析 and 节假日设置
// (read-only without 管理员) are for everybody.
const ITEMS: readonly { href: string; label: string; role?: StaffRole }[] = [
  { href: "/console", label: "工作台" },
  { href: "/console/people", label: "人员查询", role: "archive-read" },
  { href: "/console/stats", label: "统计分析" },
  { href: "/console/import", label: "历史档案导入", role: "import" },
  { href: "/console/ce/claims", label: "学分认定", role: "ce-review" },
  { href: "/console/ce/people", label: "继续教育人员", role: "ce-course" },
  { href: "/console/ce/courses/import", label: "课程学分导入", role: "ce-course" },
  { href: "/console/transfers/out", label: "调出审核", role: "transfer-review" },
  { href: "/console/transfers/in", label: "调入审核", role: "transfer-review" },
  { href: "/console/appeals", label: "账号申诉", role: "identity-review" },
  { href: "/console/notices", label: "通知公告", role: "staff-admin" },
  { href: "/console/content/collection-notice", label: "采集须知", role: "staff-admin" },
  { href: "/console/contacts", label: "财政部门联系方式", role: "staff-admin" },
  { href: "/console/staff", label: "用户管理", role: "staff-admin" },
  { href: "/console/audit", label: "操作日志", role: "audit-read" },
  { href: "/console/holidays", label: "节假日设置" },
];

export function ConsoleNav({ roles }: { roles: readonly string[] }) {
  const items = ITEMS.filter((i) => !i.role || hasRole({ roles }, i.role));
  return <SideNav label="财政部门菜单" items={items} />;
}
