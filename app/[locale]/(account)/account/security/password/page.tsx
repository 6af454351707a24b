import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { db } from "@/lib/db/client";
import { requireSession } from "@/lib/auth/current-session";
import { ownIdNumber } from "@/lib/account/profile-service";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ChangePasswordForm } from "./change-password-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountSecurity" });
  return { title: t("changePassword") };
}

// The rule "不含证件号码" only needs the last six characters (lib/account/password-policy.ts):
// the browser gets no more of the number than that.
export default async function ChangePasswordPage({ params }: Props) {
  await localeOf(params);
  const person = await requireSession("/account/security/password");
  const t = await getTranslations("AccountSecurity");
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("changePassword")}</h1>
      <ClientMessages namespaces={["AccountSecurity"]}>
        <ChangePasswordForm
          context={{
            idNumber: (await ownIdNumber(db, person.personId)).slice(-6),
            phone: person.phone,
          }}
        />
      </ClientMessages>
    </div>
  );
}
