import { z } from "zod";

// The staff login form's own checks; the server (lib/staff/staff-login-service.ts) decides the rest.
export const staffLoginSchema = z.object({
  username: z.string().trim().min(1, "请输入登录名").max(40, "登录名过长"),
  password: z.string().min(1, "请输入密码").max(128, "密码过长"),
});

/** After login, only console paths are followed (no open redirect, no detour to 个人中心). */
export function safeConsolePath(next: string | null | undefined): string {
  if (!next || !/^\/console(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(next)) return "/console";
  return next.startsWith("/console/login") ? "/console" : next;
}
