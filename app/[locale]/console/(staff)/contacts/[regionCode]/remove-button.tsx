"use client";

import { useRouter } from "next/navigation";
import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { removeFinanceContactAction } from "../actions";

/**
 * 删除 an office's contact: the 帮助 page stops showing the office until one is saved again.
 * Done, it goes back to the list, which says so (this page's form would still show the values).
 */
export function RemoveContactButton({
  regionCode,
  office,
}: {
  regionCode: string;
  office: string;
}) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      label="删除联系方式"
      accessibleName={`删除联系方式：${office}`}
      question={`确定删除“${office}”的联系方式吗？删除后帮助页面不再显示该财政部门；如需恢复，请重新填写并保存。`}
      failure="删除失败"
      run={() => removeFinanceContactAction({ regionCode })}
      onDone={() => {
        router.push(`/console/contacts?removed=${regionCode}`);
        router.refresh();
      }}
    />
  );
}
