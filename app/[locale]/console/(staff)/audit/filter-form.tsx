import Link from "next/link";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ACTION_GROUPS, actionGroupLabel, ACTION_LABELS } from "@/lib/audit/action-groups";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import {
  type FilterField,
  type FilterValues,
  OUTCOME_LABELS,
  TARGET_TYPE_LABELS,
} from "@/lib/audit/audit-filter";
import { childrenOf, regionName } from "@/lib/region/divisions";

// The 操作日志 filter: a plain GET form, so a filtered view is a URL (bookmark it, send it) and
// works without JavaScript. What was typed comes back in the fields, with the message under the
// field it concerns.

type Errors = Partial<Record<FilterField, string>>;

/** The office's region and every region below it, as the region filter offers them. */
function regionOptions(office: string): { code: string; name: string }[] {
  const walk = (code: string): string[] => [code, ...childrenOf(code).flatMap((c) => walk(c.code))];
  return walk(office).map((code) => ({ code, name: regionName(code) ?? code }));
}

function Options({ labels }: { labels: Record<string, string> }) {
  return Object.entries(labels).map(([code, label]) => (
    <option key={code} value={code}>
      {label}
    </option>
  ));
}

function Text({
  id,
  label,
  hint,
  values,
  errors,
  type = "text",
}: {
  id: FilterField;
  label: string;
  hint?: string;
  values: FilterValues;
  errors: Errors;
  type?: string;
}) {
  return (
    <FormField id={id} label={label} hint={hint} error={errors[id]}>
      <Input
        {...fieldAria(id, errors[id])}
        name={id}
        type={type}
        defaultValue={values[id]}
        autoComplete="off"
      />
    </FormField>
  );
}

function Select({
  id,
  label,
  values,
  errors,
  children,
}: {
  id: FilterField;
  label: string;
  values: FilterValues;
  errors: Errors;
  children: React.ReactNode;
}) {
  return (
    <FormField id={id} label={label} error={errors[id]}>
      <NativeSelect
        {...fieldAria(id, errors[id])}
        name={id}
        defaultValue={values[id]}
        placeholder="全部"
      >
        {children}
      </NativeSelect>
    </FormField>
  );
}

export function AuditFilterForm({
  values,
  errors,
  office,
}: {
  values: FilterValues;
  errors: Errors;
  office: string;
}) {
  return (
    <form method="get" action="/console/audit" aria-label="筛选操作日志" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Text
          id="actor"
          label="操作人"
          hint="工作人员登录名，或会计人员编号"
          values={values}
          errors={errors}
        />
        <Select id="action" label="操作" values={values} errors={errors}>
          <optgroup label="操作类别">
            {ACTION_GROUPS.map((g) => (
              <option key={g} value={`group:${g}`}>
                {actionGroupLabel(g)}
              </option>
            ))}
          </optgroup>
          <optgroup label="具体操作">
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select id="outcome" label="结果" values={values} errors={errors}>
          <Options labels={OUTCOME_LABELS} />
        </Select>
        <Select id="region" label="行政区划" values={values} errors={errors}>
          {regionOptions(office).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </Select>
        <Text
          id="from"
          label="开始时间（北京时间）"
          type="datetime-local"
          values={values}
          errors={errors}
        />
        <Text
          id="to"
          label="结束时间（北京时间）"
          type="datetime-local"
          values={values}
          errors={errors}
        />
        <Select id="targetType" label="对象类型" values={values} errors={errors}>
          <Options labels={TARGET_TYPE_LABELS} />
        </Select>
        <Text id="targetId" label="对象编号" values={values} errors={errors} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">查询</Button>
        <Button asChild variant="outline">
          <Link href="/console/audit">清除条件</Link>
        </Button>
      </div>
    </form>
  );
}
