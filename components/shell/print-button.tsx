"use client";

import { PrinterIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** 打印: the browser's print dialog; the page's print: styles leave only the archive. */
export function PrintButton() {
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      <PrinterIcon aria-hidden="true" />
      打印
    </Button>
  );
}
