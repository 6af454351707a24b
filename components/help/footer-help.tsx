import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { configText } from "@/lib/i18n/config-text";
import type { Locale } from "@/lib/i18n/locales";
import { getHelpHotline } from "@/lib/jurisdiction/help-hotline";
import { HotlineLink } from "./hotline";

/** The footer's 咨询电话 (jurisdiction configuration) and its way to 帮助, on every page. */
export async function FooterHelp({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Shell" });
  const hotline = getHelpHotline();
  return (
    <>
      <p>
        {t("hotline")}
        <HotlineLink hotline={hotline} className="font-medium text-foreground underline" />（
        {configText(locale, hotline.name)}，{configText(locale, hotline.hours)}）
      </p>
      <p>
        <Link href="/help" className="underline">
          {t("help")}
        </Link>
      </p>
    </>
  );
}
