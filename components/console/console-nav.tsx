import { SideNav } from "@/components/shell/side-nav";

// The console's menu: only entries that work are listed; search, statistics and exports join
// as they ship.
const ITEMS = [
  { href: "/console", label: "工作台" },
  { href: "/console/ce/claims", label: "学分认定" },
  { href: "/console/ce/people", label: "继续教育人员" },
  { href: "/console/ce/courses/import", label: "课程学分导入" },
  { href: "/console/transfers/out", label: "调出审核" },
  { href: "/console/transfers/in", label: "调入审核" },
  { href: "/console/holidays", label: "节假日设置" },
];

export function ConsoleNav() {
  return <SideNav label="财政部门菜单" items={ITEMS} />;
}
