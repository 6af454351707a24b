import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "页面不存在" };

// Outside app/[locale] (proxy.ts rewrites every page there), so without the site's frame: an
// address no route serves, e.g. /api/nothing.
export default function NotFound() {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh items-center justify-center p-6">
        <main className="text-center">
          <h1 className="text-xl font-semibold">页面不存在</h1>
          <p className="mt-2">
            <Link href="/" className="text-primary underline">
              返回首页
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
