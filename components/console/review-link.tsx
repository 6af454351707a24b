import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * A list row's way into its review page: 审核 (filled) while the record waits for a decision,
 * 查看 once decided. Its accessible name adds whose record it is, since every row says the same.
 */
export function ReviewLink({
  href,
  pending,
  subject,
}: {
  href: string;
  pending: boolean;
  /** e.g. 张三的调出申请: the name reads 审核张三的调出申请 */
  subject: string;
}) {
  const verb = pending ? "审核" : "查看";
  return (
    <Button asChild size="sm" variant={pending ? "default" : "outline"}>
      <Link href={href} aria-label={`${verb}${subject}`}>
        {verb}
      </Link>
    </Button>
  );
}
