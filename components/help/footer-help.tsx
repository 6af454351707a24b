import Link from "next/link";
import { getHelpHotline } from "@/lib/jurisdiction/help-hotline";
import { HotlineLink } from "./hotline";

/** The footer's 咨询电话 (jurisdiction configuration) and its way to 帮助, on every page. */
export function FooterHelp() {
  const hotline = getHelpHotline();
  return (
    <>
      <p>
        咨询电话：
        <HotlineLink hotline={hotline} className="font-medium text-foreground underline" />（
        {hotline.name}，{hotline.hours}）
      </p>
      <p>
        <Link href="/help" className="underline">
          帮助
        </Link>
      </p>
    </>
  );
}
