import Link from "next/link";

/**
 * Where a page says to contact the finance department, this says how: /help/my-office shows
 * the office of the person's own region first (its phone, address and hours), then the others.
 */
export function MyOfficeLink() {
  return (
    <Link
      href="/help/my-office"
      className="inline-flex min-h-11 items-center text-sm text-primary underline"
    >
      查看所属地区财政部门的联系方式
    </Link>
  );
}
