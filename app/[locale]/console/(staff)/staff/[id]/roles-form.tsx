"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { useNestedForm } from "@/components/form/use-nested-form";
import { Button } from "@/components/ui/button";
import { RolesField } from "../roles-field";
import { changeStaffRolesAction } from "./actions";
import { rolesChangeSchema, type RolesChangeValues } from "./account.validation";

/**
 * 修改权限: the roles the 管理员 holds, ticked as the account has them. The roles shown are sent
 * along (`expected`): if another 管理员 changed them meanwhile, the change is refused at the field.
 */
export function RolesForm({
  staffId,
  roles,
  grantable,
}: {
  staffId: string;
  roles: string[];
  grantable: readonly string[];
}) {
  const router = useRouter();
  const initial: RolesChangeValues = {
    staffId,
    roles: roles.filter((r) => grantable.includes(r)) as RolesChangeValues["roles"],
    expected: roles,
  };
  const form = useNestedForm(rolesChangeSchema, initial);
  const [pending, start] = useTransition();
  const fixed = roles.filter((r) => !grantable.includes(r));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const values = form.values as RolesChangeValues;
    if (!form.validateAll()) return;
    start(async () => {
      const r = await changeStaffRolesAction(values);
      if (r.ok) router.push(`/console/staff/${staffId}?done=roles`);
      else form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={submit} className="max-w-xl space-y-4">
      <RolesField form={form} grantable={grantable} fixed={fixed} />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存权限"}
      </Button>
    </form>
  );
}
