import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/auth/logout-action";

export function LogoutButton() {
  const t = useTranslations("PortalNav");
  return (
    <form action={logoutAction}>
      <Button type="submit" variant="outline" size="sm">
        <LogOut className="size-4" aria-hidden />
        {t("logout")}
      </Button>
    </form>
  );
}
