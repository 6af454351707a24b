import type { Metadata } from "next";

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
            {/* Another root layout: the way home is a full page load either way, so a plain
                link, and no client code shipped with every page for this one. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
            <a href="/" className="text-primary underline">
              返回首页
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
