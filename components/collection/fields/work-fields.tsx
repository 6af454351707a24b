"use client";

import type { ReactNode } from "react";
import { RegionPicker } from "@/components/collection/region-picker";
import {
  NestedRadios,
  NestedSelect,
  NestedText,
  NestedYear,
} from "@/components/form/nested-fields";
import type { NestedForm } from "@/components/form/use-nested-form";
import { ACCOUNTING_POSTS } from "@/lib/codes/accounting-post";
import { EMPLOYMENT_STATUSES, hasPost } from "@/lib/codes/employment-status";
import { regionRuleText } from "@/lib/collection/rules";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";

/**
 * 工作信息: 在岗状态 decides which fields show. `regionLocked` (信息变更's region lock) disables the
 * region picker with its reason; `studentNotice` shows under 学校名称 for a 在校生.
 */
export function WorkFields({
  form,
  regions,
  regionLocked,
  studentNotice,
}: {
  form: NestedForm;
  regions: JurisdictionRegions;
  regionLocked?: string | null;
  studentNotice?: ReactNode;
}) {
  const status = form.get("status");
  const known = EMPLOYMENT_STATUSES.is(status) ? status : undefined;
  const regionCode =
    typeof form.get("regionCode") === "string" ? (form.get("regionCode") as string) : "";
  return (
    <>
      <NestedRadios
        form={form}
        path="status"
        label="在岗状态"
        options={EMPLOYMENT_STATUSES.options}
      />
      <RegionPicker
        id="regionCode"
        regions={regions}
        value={regionCode}
        onChange={(code) => form.set("regionCode", code)}
        // One sentence with the area: its translation (the domain catalogue's) places the area.
        rule={
          regionLocked ??
          (known ? `${regionRuleText(known)}（${regions.label}）` : "请先选择在岗状态")
        }
        disabled={Boolean(regionLocked)}
        error={form.error("regionCode")}
      />
      {known && hasPost(known) && (
        <div className="grid gap-6 sm:grid-cols-2">
          <NestedText
            form={form}
            path="employerName"
            label="工作单位名称"
            autoComplete="organization"
          />
          <NestedText
            form={form}
            path="employerCreditCode"
            label="统一社会信用代码"
            hint="18位，见营业执照或登记证书"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
          />
        </div>
      )}
      {known === "ACCOUNTING_POST" && (
        <div className="grid gap-6 sm:grid-cols-2">
          <NestedSelect
            form={form}
            path="postKind"
            label="会计工作岗位类别"
            options={ACCOUNTING_POSTS.options}
            hint="依据《会计人员管理办法》"
          />
          <NestedYear form={form} path="accountingSinceYear" label="从事会计工作年份" />
        </div>
      )}
      {known === "STUDENT" && (
        <>
          <NestedText form={form} path="schoolName" label="学校名称" />
          {studentNotice}
        </>
      )}
    </>
  );
}
