import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { isBuildPhase, renderAgainSoon } from "@/lib/cache/published";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { ForVisitor } from "@/components/auth/for-visitor";
import { FooterHelp } from "@/components/help/footer-help";
import { PageContainer } from "@/components/shell/page-container";
import { ElderModeToggle } from "@/components/shell/elder-mode-toggle";
import { ELDER_MODE_STYLESHEET } from "@/lib/ui/elder-mode";
import "./globals.css";

export function generateMetadata(): Metadata {
  const j = getJurisdiction();
  return {
    title: { template: `%s · ${j.platformName}`, default: `${j.name}${j.platformName}` },
    description: `${j.label}会计人员信息采集、信息变更、继续教育、跨省调转等业务的网上办理平台。`,
    applicationName: j.platformName,
    formatDetection: { telephone: false, email: false, address: false },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1a4b8c",
  colorScheme: "light",
};

// Pages without request data (the portal, 通知公告, the login pages) are static: rendered once,
// then served from the cache, which lives in the server's memory (next.config.ts). What
// `next build` rendered had neither this instance's environment (the jurisdiction) nor its
// database, so it is rendered again on the first request (scripts/next-server.ts makes that
// request itself as `npm start` starts).
export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  if (isBuildPhase()) await renderAgainSoon();
  const j = getJurisdiction();
  return (
    <html lang="zh-CN">
      <head>
        {/* 长辈模式: its rules when this device turned it on, empty otherwise (lib/ui/elder-mode.ts) */}
        <link rel="stylesheet" href={ELDER_MODE_STYLESHEET} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main-content"
          className="sr-only z-50 rounded-md bg-background px-4 py-2 text-primary focus:not-sr-only focus:fixed focus:inline-flex focus:min-h-11 focus:items-center focus:top-2 focus:left-2"
        >
          跳到主要内容
        </a>
        <header className="print:hidden border-b-4 border-destructive bg-primary text-primary-foreground">
          {/* The switch goes under the name when both do not fit: at 200 % text, in 长辈模式 */}
          <PageContainer className="flex min-h-16 flex-wrap items-center justify-between gap-3 py-3">
            <div className="flex min-w-0 flex-1 basis-48">
              <Link
                href="/"
                className="flex min-h-11 min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5 rounded-sm focus-visible:outline-primary-foreground"
              >
                <span className="rounded-sm border border-primary-foreground/70 px-1.5 py-0.5 text-sm leading-tight">
                  {j.name}
                </span>
                <span className="text-lg leading-tight font-bold tracking-wide sm:text-xl">
                  {j.platformName}
                </span>
              </Link>
            </div>
            <ElderModeToggle />
          </PageContainer>
        </header>
        <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <footer className="print:hidden mt-12 border-t bg-background text-sm text-muted-foreground">
          <PageContainer className="flex flex-col gap-1 py-6 sm:flex-row sm:flex-wrap sm:justify-between sm:gap-x-6">
            <p>主办单位：{j.hostOrganisation}</p>
            <p>服务对象：{j.label}的会计人员</p>
            <FooterHelp />
            <p>建议使用最新版 Chrome、Edge、Firefox、360 极速浏览器或手机浏览器访问</p>
            <ForVisitor
              anonymous={
                <p>
                  <Link href="/console/login" className="underline">
                    财政部门登录
                  </Link>
                </p>
              }
              person={null}
            />
          </PageContainer>
        </footer>
      </body>
    </html>
  );
}
