"use client";

import { useEffect } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button-variants";
import { PageContainer } from "@/components/shell/page-container";

// Styled with buttonVariants rather than <Button>: this boundary is in every page's first load,
// and Button's Slot would be copied into its chunk beside each page's own (button-variants.ts).
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Error");
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest =
    typeof error === "object" &&
    error !== null &&
    "digest" in error &&
    typeof error.digest === "string"
      ? error.digest
      : undefined;

  return (
    <PageContainer width="md" className="py-12 sm:py-16">
      <title>{t("title")}</title>
      <div role="alert" className="rounded-lg border bg-card p-6 text-center shadow-xs sm:p-10">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-muted-foreground">{t("text")}</p>
        {digest && (
          <p className="mt-2 text-sm text-muted-foreground">
            {t("reference")}
            {digest}
          </p>
        )}
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <button type="button" className={buttonVariants()} onClick={() => retry()}>
            {t("retry")}
          </button>
          <Link href="/" className={buttonVariants({ variant: "outline" })}>
            {t("home")}
          </Link>
        </div>
      </div>
    </PageContainer>
  );
}
