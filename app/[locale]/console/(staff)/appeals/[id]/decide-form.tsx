"use client";

import { DecisionForm } from "@/components/console/decision-form";
import { MAX_DECISION_REASON } from "@/lib/appeal/appeal-rules";
import { decideAppealAction } from "./actions";
import { decideSchema } from "./decide.validation";

/** 通过（改绑手机号） or 不通过 with a reason (a refusal needs one; the appellant is told it). */
export function DecideForm({ id, appealNumber }: { id: string; appealNumber: string }) {
  return (
    <DecisionForm
      id={id}
      schema={decideSchema}
      action={decideAppealAction}
      listHref="/console/appeals"
      reasonHint={`不通过时必须填写理由（将以短信发送给申诉人），不超过${MAX_DECISION_REASON}字`}
      reasonMax={MAX_DECISION_REASON}
      choices={[
        {
          decision: "reassign",
          label: "通过（改绑手机号）",
          question: `确定通过申诉${appealNumber}吗？账号将改绑至申诉人的手机号码，原密码作废、已登录的会话全部退出，并短信通知原手机号码。`,
          done: "reassign",
        },
        {
          decision: "reject",
          label: "不通过",
          question: `确定不通过申诉${appealNumber}吗？申诉人将收到您填写的理由。`,
          done: "reject",
        },
      ]}
    />
  );
}
