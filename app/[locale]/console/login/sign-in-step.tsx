import { PageContainer } from "@/components/shell/page-container";
import { Card, CardContent } from "@/components/ui/card";
import { safeConsolePath } from "./safe-console-path";

/** The frame of every step after the password: where the staff member is, and why. */
export function SignInStep({
  title,
  intro,
  children,
}: {
  title: string;
  intro: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <PageContainer className="max-w-md py-8">
      <p className="mb-1 text-sm text-muted-foreground">财政部门登录</p>
      <h1 className="mb-2 text-2xl font-semibold">{title}</h1>
      <div className="mb-6 text-sm text-muted-foreground">{intro}</div>
      <Card>
        <CardContent className="pt-6">{children}</CardContent>
      </Card>
    </PageContainer>
  );
}

/** The console page a step page carries on to (`?next=`), read as the login reads it. */
export async function nextOf(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<string> {
  const next = (await searchParams).next;
  return safeConsolePath(typeof next === "string" ? next : undefined);
}
