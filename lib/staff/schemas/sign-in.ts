import * as z from "zod/mini";
import { newPasswordFields, newPasswordPairCheck } from "@/lib/account/field-schemas";
import { readSecondFactorCode } from "../second-factor-code";

// The forms of a staff sign-in's later steps (app/[locale]/console/login/*), run in the browser and again
// by their actions. The server (lib/staff/second-factor-service.ts) decides whether a code is right.

export const CODE_REQUIRED = "请输入6位动态验证码";
export const CODE_FORMAT = "动态验证码为6位数字；使用恢复码时请完整输入（如 k7m2q-x9vbn）";

const codeField = (allowRecovery: boolean) =>
  z.string().check(
    z.trim(),
    z.minLength(1, CODE_REQUIRED),
    z.maxLength(40, CODE_FORMAT),
    z.refine(
      (v) => {
        const code = readSecondFactorCode(v);
        return code.kind === "totp" || (allowRecovery && code.kind === "recovery");
      },
      allowRecovery ? CODE_FORMAT : "动态验证码为6位数字",
    ),
  );

/** 动态验证码 at sign-in: the authenticator's code, or one recovery code in its place. */
export const verifyCodeSchema = z.object({ code: codeField(true) });
export type VerifyCodeValues = z.input<typeof verifyCodeSchema>;

/** The first code from a newly added authenticator, which confirms the enrolment. */
export const enrolCodeSchema = z.object({ code: codeField(false) });
export type EnrolCodeValues = z.input<typeof enrolCodeSchema>;

/** 首次登录修改密码: the initial password is replaced before any console page. */
export const initialPasswordSchema = z.object(newPasswordFields).check(newPasswordPairCheck);
export type InitialPasswordValues = z.input<typeof initialPasswordSchema>;
