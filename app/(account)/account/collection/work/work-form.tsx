"use client";

import Link from "next/link";
import { RegionPicker } from "@/components/collection/region-picker";
import {
  NestedRadios,
  NestedSelect,
  NestedText,
  NestedYear,
} from "@/components/form/nested-fields";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { ACCOUNTING_POSTS } from "@/lib/codes/accounting-post";
import { EMPLOYMENT_STATUSES, hasPost } from "@/lib/codes/employment-status";
import { regionRuleText, STUDENT_CARD_REQUIRED } from "@/lib/collection/rules";
import { workSchema } from "@/lib/collection/schemas/work";
import { StepForm } from "../step-form";
import { type StepFormProps, useStepForm } from "../use-wizard-step";

export function WorkForm({
  hasStudentCard,
  ...props
}: StepFormProps & {
  hasStudentCard: boolean;
}) {
  const { form, wizard } = useStepForm("work", workSchema, props);
  const status = form.get("status");
  const known = EMPLOYMENT_STATUSES.is(status) ? status : undefined;
  const regionCode =
    typeof form.get("regionCode") === "string" ? (form.get("regionCode") as string) : "";
  return (
    <StepForm title="工作信息" form={form} wizard={wizard}>
      <NestedRadios
        form={form}
        path="status"
        label="在岗状态"
        options={EMPLOYMENT_STATUSES.options}
      />
      <RegionPicker
        id="regionCode"
        regions={props.context.regions}
        value={regionCode}
        onChange={(code) => form.set("regionCode", code)}
        rule={
          known ? `${regionRuleText(known)}（${props.context.regions.label}）` : "请先选择在岗状态"
        }
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
          {!hasStudentCard && (
            <Alert>
              <AlertDescription>
                {STUDENT_CARD_REQUIRED}。请在
                <Link href="/account/collection/personal" className="mx-1 text-primary underline">
                  个人信息
                </Link>
                中上传学生证，否则无法提交。
              </AlertDescription>
            </Alert>
          )}
        </>
      )}
    </StepForm>
  );
}
