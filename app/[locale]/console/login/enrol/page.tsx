import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireSignInStep } from "@/lib/auth/staff-sign-in";
import { beginEnrolment } from "@/lib/staff/enrolment-service";
import { nextOf, SignInStep } from "../sign-in-step";
import { EnrolForm } from "./enrol-form";

export const metadata: Metadata = { title: "绑定动态验证码 · 财政部门登录" };

// Enrolment of the second factor: the QR code is drawn here on the server (an <img>, no QR
// library in the browser), the secret shown as text for authenticators that cannot scan.

export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = await nextOf(searchParams);
  const { request, token } = await requireSignInStep("enrol", next);
  const enrolment = await beginEnrolment(db, request, token);
  // expired between the two reads
  if (!enrolment.ok) redirect(`/console/login?expired=1&next=${encodeURIComponent(next)}`);
  return (
    <SignInStep
      title="绑定动态验证码"
      intro="为保护会计人员信息，登录财政部门管理端需要密码和手机上的动态验证码。请在手机上安装身份验证器（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator），完成绑定。"
    >
      <EnrolForm next={next} qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} />
    </SignInStep>
  );
}
