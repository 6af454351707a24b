import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { db } from "@/lib/db/client";
import { contactForEdit } from "@/lib/help/contact-admin";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { ContactForm } from "./contact-form";
import { RemoveContactButton } from "./remove-button";
import { BackLink } from "@/components/shell/back-link";

export const metadata: Metadata = { title: "修改联系方式 · 财政部门" };

// One office's 财政部门联系方式: the 管理员's own office or one below it. Any other office reads
// like a missing one (the service decides: contactForEdit answers null).

export default async function EditContactPage({
  params,
}: {
  params: Promise<{ regionCode: string }>;
}) {
  const staff = await requireStaffRole("staff-admin", "财政部门联系方式");
  if ("denied" in staff) return staff.denied;
  const { regionCode } = await params;
  const edit = await contactForEdit(db, staff.actor, regionCode);
  if (!edit) notFound();
  const c = edit.contact;
  return (
    <div className="min-w-0 space-y-4">
      <BackLink href="/console/contacts">财政部门联系方式</BackLink>
      <h1 className="text-2xl font-semibold">{edit.defaultName}联系方式</h1>
      <p className="text-sm text-muted-foreground">
        {edit.regionName}
        。保存后，帮助页面的“财政部门联系方式”即显示新的内容；该地区的会计人员登录后首先看到。
      </p>
      <p className="text-sm">
        {c
          ? `最后修改于 ${formatBeijingDateTime(c.updatedAt)}。`
          : "尚未设置：帮助页面不显示该财政部门。"}
      </p>
      <ContactForm
        initial={{
          regionCode: edit.regionCode,
          officeName: c?.officeName ?? edit.defaultName,
          phone: c?.phone ?? "",
          address: c?.address ?? "",
          hours: c?.hours ?? "",
        }}
      />
      {c && (
        <section aria-labelledby="remove-contact" className="max-w-xl space-y-2 border-t pt-4">
          <h2 id="remove-contact" className="text-lg font-semibold">
            删除联系方式
          </h2>
          <p className="text-sm text-muted-foreground">
            机构撤并或电话停用时删除，帮助页面即不再显示该财政部门。
          </p>
          <RemoveContactButton regionCode={edit.regionCode} office={c.officeName} />
        </section>
      )}
    </div>
  );
}
