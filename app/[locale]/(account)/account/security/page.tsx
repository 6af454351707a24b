import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { requireSession } from "@/lib/auth/current-session";
import { maskPhone } from "@/lib/phone/mask";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ done?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AccountSecurity" });
  return { title: t("title") };
}

export default async function SecurityPage({ params, searchParams }: Props) {
  await localeOf(params);
  const person = await requireSession("/account/security");
  const t = await getTranslations("AccountSecurity");
  const { done } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {done === "password" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          {t("passwordChanged")}
        </p>
      )}
      {done === "phone" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          {t("phoneChanged")}
        </p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("loginPassword")}</CardTitle>
          <CardDescription>{t("passwordDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/account/security/password">{t("changePassword")}</Link>
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("phone")}</CardTitle>
          <CardDescription>{t("phoneBound", { phone: maskPhone(person.phone) })}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/account/security/phone">{t("changePhone")}</Link>
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
