import { StateTabs } from "@/components/console/state-tabs";
import { Alert, AlertDescription } from "@/components/ui/alert";

/**
 * The top of a console review list (学分认定, 调出审核, 调入审核): its heading, what was just done
 * (the review page sends staff back with `?done=`), the states as tabs and the count.
 */
export function ReviewListHead({
  title,
  done,
  tabsLabel,
  tabs,
  current,
  summary,
}: {
  title: string;
  /** "已办理：…" after a decision, or null */
  done: string | null;
  /** the tabs' navigation name, e.g. 申请状态 */
  tabsLabel: string;
  tabs: readonly { key: string; label: string; href: string }[];
  current: string;
  /** e.g. 待审核：共3条（…） */
  summary: string;
}) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {done ? (
        <Alert variant="success">
          <AlertDescription>已办理：{done}。</AlertDescription>
        </Alert>
      ) : null}
      <StateTabs label={tabsLabel} current={current} tabs={tabs} />
      <p className="text-sm text-muted-foreground">{summary}</p>
    </>
  );
}
