import { getTranslations } from "next-intl/server";
import { requireSession } from "@/lib/auth/current-session";
import { PageContainer } from "@/components/shell/page-container";
import { AccountNav } from "@/components/account/account-nav";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LogoutButton } from "@/components/auth/logout-button";
import { SessionTimeout } from "@/components/session/session-timeout";
import { securityConfig } from "@/lib/account/security-config";
import { sessionOwnerTag } from "@/lib/account/session-clock";

// Every page in this group is behind login; the session row is checked on each request.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const person = await requireSession("/account");
  const t = await getTranslations("Account");
  return (
    <PageContainer>
      <div className="print:hidden mb-6 flex flex-wrap items-center justify-between gap-3 border-b pb-4">
        <div>
          <p className="text-lg font-semibold">{person.name}</p>
          <p className="text-sm text-muted-foreground">
            {t("idNumber", { masked: person.idNumberMasked })}
          </p>
        </div>
        <LogoutButton />
      </div>
      <div
        data-slot="signed-in-layout"
        className="grid gap-6 md:grid-cols-[12.5rem_minmax(0,1fr)] print:block"
      >
        <ClientMessages namespaces={["Account"]}>
          <AccountNav />
        </ClientMessages>
        <div className="min-w-0">{children}</div>
      </div>
      <SessionTimeout
        kind="person"
        owner={sessionOwnerTag({ personId: person.personId })}
        idleMs={securityConfig().sessionIdleMinutes * 60_000}
      />
    </PageContainer>
  );
}
