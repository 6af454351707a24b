import { Alert, AlertDescription } from "@/components/ui/alert";
import { ROLE_DENIED } from "@/lib/codes/staff-roles";

/** What a console page shows a staff member whose account lacks the page's role. */
export function RoleDenied({ title }: { title: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Alert variant="destructive">
        <AlertDescription>{ROLE_DENIED}</AlertDescription>
      </Alert>
    </div>
  );
}
