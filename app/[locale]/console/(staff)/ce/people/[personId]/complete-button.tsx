"use client";

import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { completeCourseAction } from "./actions";

/** 标记为已学完 for one provider course still 学习中. */
export function CompleteButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmActionButton
      label="标记为已学完"
      accessibleName={`标记${title}为已学完`}
      question={`确定“${title}”已学完吗？学分将计入该会计人员当年度。`}
      failure="操作失败"
      run={() => completeCourseAction({ id })}
    />
  );
}
