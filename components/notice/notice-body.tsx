import { cn } from "@/lib/utils/cn";

// The look of a notice's body wherever it is shown (the portal's 通知公告, the console's preview):
// the few elements the sanitiser allows (lib/notice/sanitise.ts), styled without a typography plugin.
const BODY = cn(
  "grid gap-4 text-base leading-relaxed break-words",
  "[&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_ul]:list-disc [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:pl-6 [&_li]:mt-1",
  "[&_a]:text-primary [&_a]:underline",
  "[&_table]:block [&_table]:overflow-x-auto [&_table]:border-collapse",
  "[&_td]:border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:bg-muted [&_th]:px-2 [&_th]:py-1",
);

/**
 * A notice's body. `html` must come from the server's sanitiser (noticeBodyForDisplay or
 * noticeBodyToHtml) — never from the browser or straight from the database.
 */
export function NoticeBody({ html, className }: { html: string; className?: string }) {
  return <div className={cn(BODY, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
