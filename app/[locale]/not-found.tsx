import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PageContainer } from "@/components/shell/page-container";

export const metadata: Metadata = { title: "页面不存在" };

export default function NotFound() {
  return (
    <PageContainer width="md" className="py-12 sm:py-16">
      <div className="rounded-lg border bg-card p-6 text-center shadow-xs sm:p-10">
        <p className="text-4xl font-bold text-primary" aria-hidden="true">
          404
        </p>
        <h1 className="mt-3 text-xl font-semibold">页面不存在</h1>
        <p className="mt-2 text-muted-foreground">
          您访问的页面不存在或已被移除，请检查网址是否正确。
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button asChild>
            <Link href="/">返回首页</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/login">登录</Link>
          </Button>
        </div>
      </div>
    </PageContainer>
  );
}
