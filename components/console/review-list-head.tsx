import { StateTabs } from "@/components/console/state-tabs";
import { Alert, AlertDescription } from "@/components/ui/alert";

/**
 * The top of a console review list (学分认定, 账号申诉, 调出审核, 调入审核): its heading, what was
 * just done (the review page sends staff back with `?done=`), the states as tabs — each the list's
 * address with `?{param}={key}` — and how many the current one holds.
 */
export function ReviewListHead({
  title,
  done,
  doneLabels,
  tabsLabel,
  path,
  param,
  tabs,
  current,
  total,
  note = "",
}: {
  title: string;
  /** the `done` search parameter as it came */
  done: string | string[] | undefined;
  /** what each `done` value says after "已办理："; any other value says nothing */
  doneLabels: Record<string, string>;
  /** the tabs' navigation name, e.g. 申请状态 */
  tabsLabel: string;
  /** the list's address, e.g. /console/appeals */
  path: string;
  /** the search parameter that names the state, e.g. filter */
  param: string;
  tabs: readonly { key: string; label: string }[];
  current: string;
  total: number;
  /** after the count, e.g. （按提交时间先后排列…） */
  note?: string;
}) {
  // own keys only: `?done=toString` must not reach Object.prototype
  const doneLabel =
    typeof done === "string" && Object.hasOwn(doneLabels, done) ? doneLabels[done] : null;
  const label = tabs.find((t) => t.key === current)?.label ?? current;
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {doneLabel ? (
        <Alert variant="success">
          <AlertDescription>已办理：{doneLabel}。</AlertDescription>
        </Alert>
      ) : null}
      <StateTabs
        label={tabsLabel}
        current={current}
        tabs={tabs.map((t) => ({ ...t, href: `${path}?${param}=${t.key}` }))}
      />
      <p className="text-sm text-muted-foreground">
        {label}：共{total}条{note}
      </p>
    </>
  );
}
