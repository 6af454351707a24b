import type { HelpHotline } from "@/lib/jurisdiction/help-hotline";

/** The 咨询电话 as a link that dials on a phone: the footer's and the 帮助 page's. */
export function HotlineLink({ hotline, className }: { hotline: HelpHotline; className?: string }) {
  return (
    <a href={`tel:${hotline.dial}`} className={className}>
      {hotline.number}
    </a>
  );
}
