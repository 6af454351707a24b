"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import type { NestedForm } from "@/components/form/use-nested-form";
import { STAFF_ROLES } from "@/lib/codes/staff-roles";

/**
 * 权限: one checkbox per role the 管理员 holds (they grant no other). `fixed` lists roles the
 * account has that the 管理员 lacks: shown, not changeable, and kept by the service.
 */
export function RolesField({
  form,
  grantable,
  fixed = [],
}: {
  form: NestedForm;
  grantable: readonly string[];
  fixed?: readonly string[];
}) {
  const error = form.error("roles");
  const picked = (form.get("roles") as string[] | undefined) ?? [];
  return (
    <FormField
      id="roles"
      label="权限"
      required
      error={error}
      group
      hint={
        fixed.length > 0
          ? `另有您无权调整的权限：${fixed.map((r) => STAFF_ROLES.label(r) ?? r).join("、")}`
          : undefined
      }
    >
      <div
        role="group"
        {...fieldAria("roles", error, { group: true, hint: fixed.length > 0 })}
        className="grid gap-2"
      >
        {grantable.map((code) => (
          <div key={code} className="flex items-start gap-2">
            <Checkbox
              id={`roles-${code}`}
              checked={picked.includes(code)}
              onCheckedChange={(on) =>
                form.set("roles", on ? [...picked, code] : picked.filter((r) => r !== code))
              }
              className="mt-0.5"
            />
            <Label htmlFor={`roles-${code}`} className="leading-snug">
              {STAFF_ROLES.label(code)}
            </Label>
          </div>
        ))}
      </div>
    </FormField>
  );
}
