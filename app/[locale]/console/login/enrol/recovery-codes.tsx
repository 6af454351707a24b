"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { signInStepPath } from "@/lib/staff/sign-in-steps";

/**
 * The ten recovery codes, this once: the server keeps only their hashes. Copy and download so
 * they leave the screen somewhere safe; the console opens once the staff member says they have.
 */
export function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = `会计人员信息服务平台 财政部门登录恢复码（每个只能使用一次）\n${codes.join("\n")}\n`;
  async function copy() {
    await navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "恢复码.txt";
    document.body.append(a);
    a.click();
    a.remove();
    // revoked at once, some browsers cancel the download they were starting
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <div className="space-y-5">
      <Alert>
        <AlertDescription>
          绑定成功。以下10个恢复码在手机丢失或无法使用时代替动态验证码登录，每个只能使用一次，且只显示这一次。请复制或下载后妥善保存。
        </AlertDescription>
      </Alert>
      <ul aria-label="恢复码" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((c) => (
          <li key={c} className="rounded border px-2 py-1 text-center select-all">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="outline" onClick={() => void copy()}>
          {copied ? "已复制" : "复制"}
        </Button>
        <Button type="button" variant="outline" onClick={download}>
          下载
        </Button>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id="saved" checked={saved} onCheckedChange={setSaved} />
        <Label htmlFor="saved">我已妥善保存恢复码</Label>
      </div>
      <Button
        type="button"
        className="w-full"
        disabled={!saved}
        onClick={() => router.replace(signInStepPath("done", next))}
      >
        进入管理端
      </Button>
    </div>
  );
}
