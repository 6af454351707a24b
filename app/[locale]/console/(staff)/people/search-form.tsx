"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import * as z from "zod/mini";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { type FormApi, useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { QUALIFICATION_LEVELS, QUALIFICATION_TYPES } from "@/lib/codes/professional-qualification";
import {
  CE_STATUSES,
  COLLECTION_STATUSES,
  HIGH_END_FILTERS,
  SEARCH_SORTS,
  type SearchFilterKey,
  searchFilterSchema,
  searchFilterToParams,
  SORT_ORDERS,
  TRANSFER_FILTERS,
} from "@/lib/search/search-filter";
import { findPersonByIdNumberAction } from "./actions";
import { idSearchSchema } from "./search.validation";

type Values = Record<SearchFilterKey, string>;
type Option = { value: string; label: string };

export interface RegionOption extends Option {
  /** the city a county belongs to, for <optgroup> */
  group?: string;
}

/**
 * 人员查询's filters. Submitting puts them in the address (shareable, back-button friendly) and
 * the page searches; the 证件号码 form beside it posts the number instead, so it never appears in
 * an address. On a phone everything but 姓名 folds away under 更多条件.
 */
export function SearchForm({
  initial,
  regions,
  years,
}: {
  initial: Values;
  regions: readonly RegionOption[];
  years: readonly number[];
}) {
  const router = useRouter();
  const form = useForm(searchFilterSchema as z.core.$ZodType<unknown, Values>, initial);
  const [open, setOpen] = useState(false);

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) {
      setOpen(true);
      return;
    }
    const parsed = z.safeParse(searchFilterSchema, { ...form.values, cursor: "" });
    if (!parsed.success) return;
    const query = searchFilterToParams(parsed.data, null).toString();
    router.push(query ? `/console/people?${query}` : "/console/people");
  }

  const select = (
    name: SearchFilterKey,
    label: string,
    options: readonly Option[],
    any = "不限",
  ) => <SelectField form={form} name={name} label={label} options={options} any={any} />;

  return (
    <div className="space-y-4">
      <form noValidate onSubmit={onSubmit} aria-label="查询条件" className="space-y-3">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <TextField
              form={form}
              name="q"
              label="姓名"
              hint="汉字、全拼或拼音首字母，如 张三、zhangsan、zs"
              required={false}
              autoComplete="off"
            />
          </div>
          <div className="flex gap-2 sm:mt-7">
            <Button type="submit" className="flex-1 sm:flex-none">
              查询
            </Button>
            <Button
              type="button"
              variant="outline"
              className="flex-1 md:hidden"
              aria-expanded={open}
              aria-controls="search-more"
              onClick={() => setOpen((v) => !v)}
            >
              {open ? "收起条件" : "更多条件"}
            </Button>
          </div>
        </div>
        <div
          id="search-more"
          className={`${open ? "grid" : "hidden"} gap-3 sm:grid-cols-2 md:grid md:grid-cols-3 lg:grid-cols-4`}
        >
          {regions.length > 1 && <RegionField form={form} regions={regions} />}
          {select("employmentStatus", "在岗状态", EMPLOYMENT_STATUSES.options)}
          {select("qualificationType", "专业技术资格类型", QUALIFICATION_TYPES.options)}
          {select("qualificationLevel", "专业技术资格级别", QUALIFICATION_LEVELS.options)}
          {select("highEndTalent", "高端会计人才", HIGH_END_FILTERS.options)}
          {select("collectionStatus", "采集状态", COLLECTION_STATUSES.options)}
          {select("transferState", "调转状态", TRANSFER_FILTERS.options)}
          {select(
            "ceYear",
            "继续教育年度",
            years.map((y) => ({ value: String(y), label: `${y}年` })),
          )}
          {select("ceStatus", "继续教育状态", CE_STATUSES.options)}
          {select("sort", "排序", SEARCH_SORTS.options)}
          {select("order", "排序方向", SORT_ORDERS.options)}
        </div>
        <FormError message={form.formError} />
      </form>
      <IdNumberForm onFound={(personId) => router.push(`/console/people/${personId}`)} />
    </div>
  );
}

function SelectField({
  form,
  name,
  label,
  options,
  any,
}: {
  form: FormApi<Values>;
  name: SearchFilterKey;
  label: string;
  options: readonly Option[];
  any: string;
}) {
  const id = `search-${name}`;
  const error = form.errors[name];
  // 排序 has no "any": it always has a value.
  const placeholder = name === "sort" || name === "order" ? undefined : any;
  return (
    <FormField id={id} label={label} error={error}>
      <NativeSelect
        name={name}
        value={form.values[name]}
        placeholder={placeholder}
        onChange={(e) => form.setValue(name, e.target.value)}
        onBlur={() => form.blur(name)}
        {...fieldAria(id, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FormField>
  );
}

/** 行政区划: the staff member's cities and counties, counties grouped under their city. */
function RegionField({
  form,
  regions,
}: {
  form: FormApi<Values>;
  regions: readonly RegionOption[];
}) {
  const id = "search-region";
  const groups = new Map<string, RegionOption[]>();
  for (const r of regions) {
    const key = r.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <FormField id={id} label="行政区划" error={form.errors.region}>
      <NativeSelect
        name="region"
        value={form.values.region}
        placeholder="本辖区全部"
        onChange={(e) => form.setValue("region", e.target.value)}
        {...fieldAria(id, form.errors.region)}
      >
        {[...groups].map(([group, list]) =>
          group ? (
            <optgroup key={group} label={group}>
              {list.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </optgroup>
          ) : (
            list.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))
          ),
        )}
      </NativeSelect>
    </FormField>
  );
}

/** 按证件号码查询: posted, answered with the person's id; the number stays out of the address. */
function IdNumberForm({ onFound }: { onFound: (personId: string) => void }) {
  const form = useForm(idSearchSchema, { idNumber: "" });
  const { pending, onSubmit } = useFormSubmit(form, findPersonByIdNumberAction, ({ personId }) =>
    onFound(personId),
  );
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label="按证件号码查询"
      className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-start"
    >
      <div className="min-w-0 flex-1">
        <TextField
          form={form}
          name="idNumber"
          label="证件号码"
          hint="精确查询，直接打开该人员详情"
          preset="id-number"
        />
      </div>
      <Button type="submit" variant="outline" disabled={pending} className="sm:mt-7">
        {pending ? "正在查找…" : "按证件号码查找"}
      </Button>
      <FormError message={form.formError} />
    </form>
  );
}
