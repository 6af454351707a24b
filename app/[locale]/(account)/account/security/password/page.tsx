import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireSession } from "@/lib/auth/current-session";
import { ownIdNumber } from "@/lib/account/profile-service";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "修改密码" };

// The rule "不含证件号码" only needs the last six characters (lib/account/password-policy.ts):
// the browser gets no more of the number than that.
export default async function ChangePasswordPage() {
  const person = await requireSession("/account/security/password");
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">修改密码</h1>
      <ChangePasswordForm
        context={{
          idNumber: (await ownIdNumber(db, person.personId)).slice(-6),
          phone: person.phone,
        }}
      />
    </div>
  );
}
