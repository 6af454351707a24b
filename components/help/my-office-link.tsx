import Link from "next/link";
import { CONTACTS_ANCHOR } from "@/lib/help/faq";

/**
 * Where a page says to contact the finance department, this says how: 帮助's 财政部门联系方式
 * shows the office of the person's own region first (its phone, address and hours).
 */
export function MyOfficeLink() {
  return (
    <Link
      href={`/help#${CONTACTS_ANCHOR}`}
      className="inline-flex min-h-11 items-center text-sm text-primary underline"
    >
      查看所属地区财政部门的联系方式
    </Link>
  );
}
