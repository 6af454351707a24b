import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { PageContainer } from "@/components/shell/page-container";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <PageContainer width="md" className="py-12 sm:py-16">
      <div className="rounded-lg border bg-card p-6 text-center shadow-xs sm:p-10">
        <p className="text-4xl font-bold text-primary" aria-hidden="true">
          404
        </p>
        <h1 className="mt-3 text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-muted-foreground">{t("text")}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button asChild>
            <Link href="/">{t("home")}</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/login">{t("login")}</Link>
          </Button>
        </div>
      </div>
    </PageContainer>
  );
}
