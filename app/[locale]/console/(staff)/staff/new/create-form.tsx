"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { FormError } from "@/components/form/form-error";
import { NestedText } from "@/components/form/nested-fields";
import { useNestedForm } from "@/components/form/use-nested-form";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import type { OfficeGroup } from "@/lib/staff/staff-admin-offices";
import { normalizeUsername, USERNAME_RULE } from "@/lib/staff/staff-fields";
import { OfficeSelect } from "../office-select";
import { OneTimePassword } from "../one-time-password";
import { RolesField } from "../roles-field";
import { createStaffAccountAction } from "./actions";
import { lazySchema } from "@/components/form/form-schema";
import type { CreateStaffValues } from "./create.validation";

const EMPTY: CreateStaffValues = { username: "", name: "", regionCode: "", roles: [] };

// The rules (and zod) come after the page: components/form/form-schema.ts.
const SCHEMA = lazySchema(() => import("./create.validation").then((m) => m.createStaffSchema));

/**
 * 新建账号: 登录名, 姓名, 所属单位 (the 管理员's office or one below) and the roles they may grant.
 * Created, the form gives way to the one-time initial password; a refusal keeps everything typed.
 */
export function CreateStaffForm(props: { offices: OfficeGroup[]; grantable: readonly string[] }) {
  // 继续新建 starts a fresh round: a new form, and the shown password gone from memory.
  const [round, setRound] = useState(0);
  return <CreateRound key={round} {...props} again={() => setRound((r) => r + 1)} />;
}

function CreateRound({
  offices,
  grantable,
  again,
}: {
  offices: OfficeGroup[];
  grantable: readonly string[];
  again: () => void;
}) {
  const form = useNestedForm(SCHEMA, EMPTY);
  const [pending, start] = useTransition();
  const [created, setCreated] = useState<{ id: string; username: string; password: string }>();
  const values = form.values as CreateStaffValues;
  const officeError = form.error("regionCode");

  if (created) {
    return (
      <div className="space-y-4">
        <OneTimePassword
          what="已创建账号"
          username={created.username}
          password={created.password}
        />
        <div className="flex flex-wrap gap-3">
          <Button asChild>
            <Link href={`/console/staff/${created.id}`}>查看该账号</Link>
          </Button>
          <Button type="button" variant="outline" onClick={again}>
            继续新建
          </Button>
        </div>
      </div>
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    start(async () => {
      const r = await createStaffAccountAction(values);
      if (r.ok) {
        setCreated({ ...r.data, username: normalizeUsername(values.username) });
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={submit} className="max-w-xl space-y-5">
      <NestedText
        form={form}
        path="username"
        label="登录名"
        hint={USERNAME_RULE}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
      />
      <NestedText form={form} path="name" label="姓名" autoComplete="off" maxLength={100} />
      <FormField id="regionCode" label="所属单位" required error={officeError}>
        <OfficeSelect
          {...fieldAria("regionCode", officeError)}
          groups={offices}
          placeholder="请选择所属单位"
          value={values.regionCode}
          onChange={(e) => form.set("regionCode", e.target.value)}
          onBlur={() => form.blur("regionCode")}
        />
      </FormField>
      <RolesField form={form} grantable={grantable} />
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建账号"}
      </Button>
    </form>
  );
}
