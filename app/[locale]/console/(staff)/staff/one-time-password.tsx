import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/**
 * A new or reset account's initial password, shown once: it is stored only hashed, so leaving
 * the page loses it (a new reset gives another). The first login replaces it.
 */
export function OneTimePassword({
  username,
  password,
  what,
}: {
  username: string;
  password: string;
  /** e.g. 已创建账号 */
  what: string;
}) {
  return (
    <Alert variant="success">
      <AlertTitle>{what}</AlertTitle>
      <AlertDescription className="space-y-2">
        <p>
          登录名：<span className="font-mono">{username}</span>
        </p>
        <p>
          初始密码：
          <span className="rounded bg-background px-1.5 py-0.5 font-mono text-base tracking-wider select-all">
            {password}
          </span>
        </p>
        <p>
          此密码只显示这一次，请当面交给本人，不要通过电子邮件或聊天工具发送。首次登录须修改密码并绑定动态口令（手机身份验证器）。
        </p>
      </AlertDescription>
    </Alert>
  );
}
