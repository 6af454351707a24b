"use client";

import { PrinterIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** 打印: the browser's print dialog; the page's print: styles leave only the archive. */
export function PrintButton() {
  const t = useTranslations("Common");
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      <PrinterIcon aria-hidden="true" />
      {t("print")}
    </Button>
  );
}
