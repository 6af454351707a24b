import { useTranslations } from "next-intl";
import { SideNav } from "@/components/shell/side-nav";

// The 个人中心 menu (用户操作手册: 信息采集, 信息变更, 继续教育, 人员调转 → 调出申请).
const ITEMS = [
  { href: "/account", label: "home" },
  { href: "/account/collection", label: "collection" },
  { href: "/account/change", label: "change" },
  { href: "/account/ce", label: "ce" },
  { href: "/account/transfer", label: "transfer" },
  { href: "/account/archive", label: "archive" },
  { href: "/account/security", label: "security" },
] as const;

export function AccountNav() {
  const t = useTranslations("Account");
  return (
    <SideNav
      label={t("menu")}
      items={ITEMS.map((item) => ({ href: item.href, label: t(item.label) }))}
    />
  );
}
