import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { requireSession } from "@/lib/auth/current-session";
import { maskPhone } from "@/lib/phone/mask";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ChangePhoneForm } from "./change-phone-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountSecurity" });
  return { title: t("changePhone") };
}

export default async function ChangePhonePage({ params }: Props) {
  await localeOf(params);
  const person = await requireSession("/account/security/phone");
  const t = await getTranslations("AccountSecurity");
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("changePhone")}</h1>
      <p className="text-sm text-muted-foreground">
        {t("phoneIntro", { phone: maskPhone(person.phone) })}
      </p>
      <ClientMessages namespaces={["AccountSecurity"]}>
        <ChangePhoneForm />
      </ClientMessages>
    </div>
  );
}
