import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";

/**
 * A console review list's rows in one state: the table named "{state}的{noun}", or "没有…" when the
 * state holds none. `children` are the table's header and body.
 */
export function QueueTable({
  state,
  noun,
  empty,
  children,
}: {
  /** the current tab's label, e.g. 待审核 */
  state: string;
  /** what the list holds, e.g. 调出申请 */
  noun: string;
  empty: boolean;
  children: ReactNode;
}) {
  if (empty) {
    return (
      <p className="text-sm">
        没有{state}的{noun}。
      </p>
    );
  }
  return <Table aria-label={`${state}的${noun}`}>{children}</Table>;
}
