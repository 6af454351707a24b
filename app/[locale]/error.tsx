"use client";

import { useEffect } from "react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button-variants";
import { PageContainer } from "@/components/shell/page-container";

// Styled with buttonVariants rather than <Button>: this boundary is in every page's first load,
// and Button's Slot would be copied into its chunk beside each page's own (button-variants.ts).
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest =
    typeof error === "object" &&
    error !== null &&
    "digest" in error &&
    typeof error.digest === "string"
      ? error.digest
      : undefined;

  return (
    <PageContainer width="md" className="py-12 sm:py-16">
      <title>页面出错了</title>
      <div role="alert" className="rounded-lg border bg-card p-6 text-center shadow-xs sm:p-10">
        <h1 className="text-xl font-semibold">页面出错了</h1>
        <p className="mt-2 text-muted-foreground">
          系统暂时无法处理您的请求，请稍后重试。您已填写但未提交的内容可能需要重新填写。
        </p>
        {digest && (
          <p className="mt-2 text-sm text-muted-foreground">如需咨询，请提供错误编号：{digest}</p>
        )}
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <button type="button" className={buttonVariants()} onClick={() => retry()}>
            重试
          </button>
          <Link href="/" className={buttonVariants({ variant: "outline" })}>
            返回首页
          </Link>
        </div>
      </div>
    </PageContainer>
  );
}
