import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { RoleDenied } from "@/components/console/role-denied";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button-variants";
import { db } from "@/lib/db/client";
import { keptContacts } from "@/lib/help/contact-admin";

export const metadata: Metadata = { title: "财政部门联系方式 · 财政部门" };

// 财政部门联系方式: the offices this 管理员 keeps (their own and those below), each with what the
// public 帮助 page shows of it, or 未设置 (the page then leaves the office out).

export default async function ContactsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("staff-admin", "财政部门联系方式");
  if ("denied" in staff) return staff.denied;
  const groups = await keptContacts(db, staff.actor);
  if (!groups) return <RoleDenied title="财政部门联系方式" />;
  const { saved, removed } = await searchParams;
  const office = (code: unknown) =>
    groups.flatMap((g) => g.offices).find((o) => typeof code === "string" && o.regionCode === code);
  const savedOffice = office(saved);
  const removedOffice = office(removed);

  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">财政部门联系方式</h1>
      {savedOffice && (
        <Alert variant="success">
          <AlertDescription>
            已保存{savedOffice.defaultName}的联系方式，帮助页面已更新。
          </AlertDescription>
        </Alert>
      )}
      {removedOffice && (
        <Alert variant="success">
          <AlertDescription>
            已删除{removedOffice.defaultName}的联系方式，帮助页面不再显示该财政部门。
          </AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground">
        帮助页面向公众显示各财政部门的电话、地址和办公时间，会计人员登录后首先看到所属地区的。您可以设置本单位及下级财政部门的联系方式；未设置的不显示。
      </p>
      {groups.map((g) => (
        <section key={g.label} aria-labelledby={`group-${g.offices[0]!.regionCode}`}>
          <h2 id={`group-${g.offices[0]!.regionCode}`} className="mb-2 text-lg font-semibold">
            {g.label}
          </h2>
          <ul className="divide-y rounded-lg border">
            {g.offices.map((o) => (
              <li
                key={o.regionCode}
                className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3"
              >
                <div className="min-w-0 text-sm">
                  <p className="font-medium">{o.defaultName}</p>
                  {o.contact ? (
                    <p className="text-muted-foreground">
                      {o.contact.officeName} · {o.contact.phone} · {o.contact.address}
                    </p>
                  ) : (
                    <Badge variant="outline">未设置</Badge>
                  )}
                </div>
                <Link
                  href={`/console/contacts/${o.regionCode}`}
                  aria-label={`${o.contact ? "修改" : "设置"}${o.defaultName}联系方式`}
                  className={buttonVariants({ variant: "outline", size: "sm" })}
                >
                  {o.contact ? "修改" : "设置"}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
