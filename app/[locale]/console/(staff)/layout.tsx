import { LogoutButton } from "@/components/auth/logout-button";
import { ConsoleNav } from "@/components/console/console-nav";
import { PageContainer } from "@/components/shell/page-container";
import { SessionTimeout } from "@/components/session/session-timeout";
import { securityConfig } from "@/lib/account/security-config";
import { sessionOwnerTag } from "@/lib/account/session-clock";
import { requireStaff } from "@/lib/auth/current-staff";

// Every console page is behind the staff login; the session row is checked on each request and
// every page reads only the records of the staff member's own region.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  return (
    <PageContainer>
      <div className="print:hidden mb-6 flex flex-wrap items-center justify-between gap-3 border-b py-4">
        <div>
          <p className="text-lg font-semibold">{staff.officeName}</p>
          <p className="text-sm text-muted-foreground">
            {staff.name}（{staff.username}）
          </p>
        </div>
        <LogoutButton />
      </div>
      <div className="grid gap-6 md:grid-cols-[200px_1fr] print:block">
        <ConsoleNav roles={staff.roles} />
        <div className="min-w-0">{children}</div>
      </div>
      <SessionTimeout
        kind="staff"
        owner={sessionOwnerTag({ staffId: staff.staffId })}
        idleMs={securityConfig().sessionIdleMinutes * 60_000}
      />
    </PageContainer>
  );
}
