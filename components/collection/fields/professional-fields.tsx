"use client";

import {
  NestedRadios,
  NestedSelect,
  NestedText,
  NestedYear,
} from "@/components/form/nested-fields";
import type { NestedForm } from "@/components/form/use-nested-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { ABACUS_LEVELS } from "@/lib/codes/abacus-level";
import { TALENT_STATUSES, TALENT_TYPES } from "@/lib/codes/high-end-talent";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "@/lib/codes/professional-qualification";
import { at } from "./at";

const YES_NO = [
  { value: true, label: "是" },
  { value: false, label: "否" },
] as const;

/**
 * （一）专业技术认证: the three certifications and 珠算等级. Labels are Chinese, shown in the
 * reader's language by the controls (components/form/nested-fields.tsx); 是/否 too.
 */
export function CertificationFields({ form }: { form: NestedForm }) {
  const text = useSourceText();
  const yesNo = YES_NO.map((o) => ({ ...o, label: text(o.label) }));
  return (
    <section aria-labelledby="cert-title" className="space-y-4">
      <h2 id="cert-title" className="text-base font-semibold">
        {text("（一）专业技术认证")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <NestedRadios form={form} path="isCpa" label="注册会计师" options={yesNo} />
        <NestedRadios form={form} path="isTaxAdvisor" label="税务师" options={yesNo} />
        <NestedRadios form={form} path="isAssetAppraiser" label="资产评估师" options={yesNo} />
      </div>
      <NestedSelect
        form={form}
        path="abacusLevel"
        label="珠算等级"
        options={ABACUS_LEVELS.options}
      />
    </section>
  );
}

/** One 专业技术资格 entry. */
export function QualificationEntryFields({ form, path }: { form: NestedForm; path: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NestedSelect
        form={form}
        path={at(path, "type")}
        label="类型"
        options={QUALIFICATION_TYPES.options}
      />
      <NestedSelect
        form={form}
        path={at(path, "level")}
        label="级别"
        options={QUALIFICATION_LEVELS.options}
      />
      <NestedSelect
        form={form}
        path={at(path, "method")}
        label="取得方式"
        options={QUALIFICATION_METHODS.options}
      />
      <NestedYear form={form} path={at(path, "year")} label="取得年份" />
      <NestedText
        form={form}
        path={at(path, "certificateNo")}
        label="证书编号"
        spellCheck={false}
      />
    </div>
  );
}

/** One 高端会计人才 entry; 毕业年度 only when 已毕业. */
export function TalentEntryFields({ form, path }: { form: NestedForm; path: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <NestedSelect
          form={form}
          path={at(path, "type")}
          label="人才类型"
          options={TALENT_TYPES.options}
        />
      </div>
      <NestedYear form={form} path={at(path, "selectedYear")} label="入选年度" />
      <NestedSelect
        form={form}
        path={at(path, "status")}
        label="培养状态"
        options={TALENT_STATUSES.options}
      />
      {form.get(at(path, "status")) === "GRADUATED" && (
        <NestedYear form={form} path={at(path, "graduatedYear")} label="毕业年度" />
      )}
    </div>
  );
}
