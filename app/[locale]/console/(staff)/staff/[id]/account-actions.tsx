"use client";

import { useState, useTransition } from "react";
import { ConfirmActionButton } from "@/components/form/confirm-action-button";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";
import { OneTimePassword } from "../one-time-password";
import {
  disableStaffAction,
  enableStaffAction,
  resetStaffPasswordAction,
  resetStaffSecondFactorAction,
} from "./actions";

const RESETS = {
  password: {
    label: "重置密码",
    question:
      "确定重置该账号的密码吗？本人正在进行的登录将全部退出，须用新的初始密码登录并修改密码。",
    done: "已重置密码，原有登录已退出",
    run: resetStaffPasswordAction,
  },
  "second-factor": {
    label: "重置动态口令",
    question:
      "确定重置该账号的动态口令吗？已绑定的手机身份验证器和恢复码全部作废，本人正在进行的登录将全部退出；须用新的初始密码登录，修改密码并重新绑定动态口令。",
    done: "已重置动态口令，原有登录已退出",
    run: resetStaffSecondFactorAction,
  },
} as const;

/**
 * The account's destructive actions, each confirmed first: the two resets show the new one-time
 * password here (and nowhere else); 停用/启用 re-read the page.
 */
export function AccountActions({
  staffId,
  username,
  disabled,
}: {
  staffId: string;
  username: string;
  disabled: boolean;
}) {
  const [shown, setShown] = useState<{ done: string; password: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function reset(kind: keyof typeof RESETS) {
    const r = RESETS[kind];
    if (!window.confirm(r.question)) return;
    setShown(null);
    setMessage(null);
    start(async () => {
      const result: ActionResult<{ password: string }> = await r.run({ staffId });
      if (result.ok) setShown({ done: r.done, password: result.data.password });
      else setMessage(result.formError ?? Object.values(result.fieldErrors)[0] ?? `${r.label}失败`);
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-2">
        {(Object.keys(RESETS) as (keyof typeof RESETS)[]).map((kind) => (
          <Button
            key={kind}
            type="button"
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() => reset(kind)}
          >
            {RESETS[kind].label}
          </Button>
        ))}
        {disabled ? (
          <ConfirmActionButton
            label="启用"
            accessibleName={`启用账号${username}`}
            question={`确定启用账号 ${username} 吗？启用后本人可用原密码和动态口令登录。`}
            failure="启用失败"
            run={() => enableStaffAction({ staffId })}
          />
        ) : (
          <ConfirmActionButton
            label="停用"
            accessibleName={`停用账号${username}`}
            question={`确定停用账号 ${username} 吗？停用后不能登录，正在进行的登录将全部退出。`}
            failure="停用失败"
            run={() => disableStaffAction({ staffId })}
          />
        )}
      </div>
      {message && (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      )}
      {shown && <OneTimePassword what={shown.done} username={username} password={shown.password} />}
    </div>
  );
}
