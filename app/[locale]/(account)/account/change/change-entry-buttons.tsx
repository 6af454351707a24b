"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { changeItemAction } from "./actions";

/** 删除 for one list entry: saved as a change like any other (a new archive version). */
export function DeleteEntryButton({
  step,
  list,
  index,
  label,
  baseVersion,
}: {
  step: string;
  list: string;
  index: number;
  label: string;
  baseVersion: number;
}) {
  return (
    <ConfirmActionButton
      label="删除"
      accessibleName={`删除${label}`}
      question={`确定删除${label}吗？删除后将生成新的档案版本。`}
      failure="删除失败"
      run={() => changeItemAction({ ref: { step, list, index }, data: null, baseVersion })}
    />
  );
}
