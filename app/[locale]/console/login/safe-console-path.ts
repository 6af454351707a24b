import { safeNextPath } from "@/app/[locale]/(auth)/login/safe-next-path";

/**
 * After login, only console paths are followed: the accountants' same-site check
 * (safeNextPath), then no detour to 个人中心 and no loop back to the login.
 */
export function safeConsolePath(next: string | null | undefined): string {
  const path = safeNextPath(next, "/console");
  const inConsole = path === "/console" || /^\/console[/?#]/.test(path);
  return inConsole && !path.startsWith("/console/login") ? path : "/console";
}
