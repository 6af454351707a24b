import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * 回到第一页 / 下一页 of a keyset-paged console list (学分认定, 账号申诉): `first` is the state's
 * first page; the next one adds `&after=` the cursor the query handed out.
 */
export function QueuePager({
  first,
  after,
  nextCursor,
}: {
  /** e.g. /console/appeals?state=pending */
  first: string;
  /** the page shown is not the first */
  after: string | null;
  nextCursor: string | null;
}) {
  if (!after && !nextCursor) return null;
  return (
    <div className="flex gap-3">
      {after && (
        <Button asChild size="sm" variant="outline">
          <Link href={first}>回到第一页</Link>
        </Button>
      )}
      {nextCursor && (
        <Button asChild size="sm" variant="outline">
          <Link href={`${first}&after=${nextCursor}`}>下一页</Link>
        </Button>
      )}
    </div>
  );
}
