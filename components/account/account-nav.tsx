import { SideNav } from "@/components/shell/side-nav";

// Only entries that work are listed; 人员调转 joins when it ships.
const ITEMS = [
  { href: "/account", label: "个人中心" },
  { href: "/account/collection", label: "信息采集" },
  { href: "/account/change", label: "信息变更" },
  { href: "/account/ce", label: "继续教育" },
  { href: "/account/archive", label: "我的档案" },
  { href: "/account/security", label: "账户安全" },
];

export function AccountNav() {
  return <SideNav label="个人中心菜单" items={ITEMS} />;
}
