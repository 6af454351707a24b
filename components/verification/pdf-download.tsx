import { FileDownIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * 下载PDF: a plain form POST to the page's PDF route (it issues a 核验码, so not a GET a link
 * preview could fire). A refused download comes back to the page with `?pdf=<reason>`, shown
 * above the button.
 */
export function PdfDownload({ action, refusal }: { action: string; refusal?: string | null }) {
  const t = useTranslations("Common");
  return (
    <div className="space-y-2 print:hidden">
      {refusal ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      ) : null}
      <form method="post" action={action}>
        <Button type="submit" variant="outline">
          <FileDownIcon aria-hidden="true" />
          {t("pdfDownload")}
        </Button>
      </form>
    </div>
  );
}
