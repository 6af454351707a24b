"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { removeFinanceContactAction } from "../actions";

/** 删除 an office's contact: the 帮助 page stops showing the office until one is saved again. */
export function RemoveContactButton({
  regionCode,
  office,
}: {
  regionCode: string;
  office: string;
}) {
  return (
    <ConfirmActionButton
      label="删除联系方式"
      accessibleName={`删除联系方式：${office}`}
      question={`确定删除“${office}”的联系方式吗？删除后帮助页面不再显示该财政部门，重新保存即可恢复显示。`}
      failure="删除失败"
      run={() => removeFinanceContactAction({ regionCode })}
    />
  );
}
