"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { deleteHolidayAction } from "./actions";

/** 删除 one day of the table; it then counts as an ordinary day of the week. */
export function DeleteHolidayButton({ date, what }: { date: string; what: string }) {
  return (
    <ConfirmActionButton
      label="删除"
      accessibleName={`删除${date}`}
      question={`确定删除 ${date}（${what}）吗？删除后按普通的周一至周五计算工作日。`}
      failure="删除失败"
      run={() => deleteHolidayAction({ date })}
    />
  );
}
