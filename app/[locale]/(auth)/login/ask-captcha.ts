import { loginCaptchaAction } from "./actions";

/**
 * Will 登录 with this 证件号码 want the captcha? Unsure (refused, offline) is no: login will say.
 * Shared by 登录 and the login in place (components/session/session-dialogs.tsx).
 */
export async function askLoginCaptcha(idNumber: string): Promise<boolean> {
  const r = await loginCaptchaAction({ idNumber });
  return r.ok && r.data.captcha;
}
