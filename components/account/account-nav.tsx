import { SideNav } from "@/components/shell/side-nav";

// The 个人中心 menu (用户操作手册: 信息采集, 信息变更, 继续教育, 人员调转 → 调出申请).
const ITEMS = [
  { href: "/account", label: "个人中心" },
  { href: "/account/collection", label: "信息采集" },
  { href: "/account/change", label: "信息变更" },
  { href: "/account/ce", label: "继续教育" },
  { href: "/account/transfer", label: "人员调转" },
  { href: "/account/archive", label: "我的档案" },
  { href: "/account/security", label: "账户安全" },
];

export function AccountNav() {
  return <SideNav label="个人中心菜单" items={ITEMS} />;
}
