import Link from "next/link";
import {
  ArrowLeftRightIcon,
  FilePenLineIcon,
  ShieldCheckIcon,
  UserPlusIcon,
  type LucideIcon,
} from "lucide-react";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { loadPublicNotices } from "@/app/(portal)/notices/load-notices";
import { NoticeList } from "@/components/notice/notice-list";
import { ForVisitor } from "@/components/auth/for-visitor";
import { PortalNav } from "@/components/shell/portal-nav";
import { PageContainer } from "@/components/shell/page-container";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

// Static: rendered once, served from the cache until staff publish a notice
// (lib/cache/published.ts: revalidateNotices) or a minute has passed.

const GUIDE = [
  {
    title: "注册",
    text: "点击“用户注册”，确认采集对象，填写姓名、证件类型、证件号码和手机号，输入短信验证码完成注册。",
  },
  { title: "登录", text: "使用证件号码和密码登录。" },
  { title: "阅读须知", text: "阅读采集须知，勾选承诺所填信息真实。" },
  {
    title: "填写信息",
    text: "依次填写个人信息（上传证件照和身份证人像面、国徽面）、学历、工作、专业技术资格和奖励信息；不适用的部分可以不填。",
  },
  {
    title: "提交",
    text: "提交后无需财政部门审核，系统自动生成会计人员信息档案，状态显示“信息已采集”。",
  },
] as const;

function ServiceCard({
  icon: Icon,
  title,
  description,
  children,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h3 className="flex items-center gap-2">
            <Icon className="size-5 text-primary" aria-hidden="true" />
            {title}
          </h3>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardFooter className="mt-auto">{children}</CardFooter>
    </Card>
  );
}

export default async function HomePage() {
  const j = getJurisdiction();
  const notices = await loadPublicNotices(8);
  const elsewhere = j.excludedNames.join("、");

  return (
    <>
      <PortalNav />

      <section aria-labelledby="hero-title" className="border-b bg-background">
        <PageContainer className="py-8 sm:py-12">
          <h1 id="hero-title" className="text-2xl leading-tight font-bold text-primary sm:text-3xl">
            {j.name}
            {j.platformName}
          </h1>
          <p className="mt-3 max-w-3xl text-base leading-relaxed sm:text-lg">
            为{j.label}
            的会计人员提供会计人员信息采集、信息变更、继续教育、跨省调转等业务的网上办理服务。
          </p>
          <p className="mt-2 max-w-3xl text-sm leading-relaxed text-muted-foreground">
            在{j.label}
            从事会计工作，或持有会计专业技术资格证书的人员，应当进行信息采集；两者都不是的，无须采集。
            {elsewhere && `在${elsewhere}从事会计工作的人员，请到当地财政部门的平台办理。`}
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ForVisitor
              anonymous={
                <>
                  <Button asChild size="lg">
                    <Link href="/login">登录办理</Link>
                  </Button>
                  <Button asChild size="lg" variant="outline">
                    <Link href="/register">用户注册</Link>
                  </Button>
                </>
              }
              person={
                <Button asChild size="lg">
                  <Link href="/account">进入个人中心</Link>
                </Button>
              }
            />
          </div>
        </PageContainer>
      </section>

      <PageContainer className="grid gap-10 py-8 sm:py-10">
        <section id="services" aria-labelledby="services-title">
          <h2 id="services-title" className="text-xl font-semibold">
            业务办理
          </h2>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <ServiceCard
              icon={UserPlusIcon}
              title="信息采集"
              description="首次办理：先注册账号，登录后按步骤填写个人、学历、工作、专业技术等信息并提交。"
            >
              <ForVisitor
                anonymous={
                  <>
                    <Button asChild>
                      <Link href="/login">登录</Link>
                    </Button>
                    <Button asChild variant="outline">
                      <Link href="/register">用户注册</Link>
                    </Button>
                  </>
                }
                person={
                  <Button asChild>
                    <Link href="/account/collection">办理信息采集</Link>
                  </Button>
                }
              />
            </ServiceCard>
            <ServiceCard
              icon={FilePenLineIcon}
              title="信息变更"
              description="已完成信息采集，工作单位、学历、专业技术资格等信息有变化时办理。证件号码、证件类型、性别和所属国家不能变更。"
            >
              <ForVisitor
                anonymous={
                  <Button asChild>
                    <Link href="/login">登录后办理</Link>
                  </Button>
                }
                person={
                  <Button asChild>
                    <Link href="/account/change">办理信息变更</Link>
                  </Button>
                }
              />
            </ServiceCard>
            <ServiceCard
              icon={ArrowLeftRightIcon}
              title="跨省调转"
              description="调往外省（含计划单列市）的，登录后在“人员调转”申请调出；从外省调入的，在调出地审核通过后办理省外调入。"
            >
              <Button asChild>
                <Link href="/transfer-in">省外调入</Link>
              </Button>
              <ForVisitor
                anonymous={
                  <Button asChild variant="outline">
                    <Link href="/login?next=/account/transfer">调出申请</Link>
                  </Button>
                }
                person={
                  <Button asChild variant="outline">
                    <Link href="/account/transfer">调出申请</Link>
                  </Button>
                }
              />
            </ServiceCard>
            <ServiceCard
              icon={ShieldCheckIcon}
              title="档案核验"
              description="用人单位等收到会计人员信息档案或继续教育学分证明的PDF文件，可输入文件上的核验码，核验其真实性及当前状态，无需登录。"
            >
              <Button asChild>
                <Link href="/verify">核验档案或学分证明</Link>
              </Button>
            </ServiceCard>
          </div>
        </section>

        <section id="notices" aria-labelledby="notices-title">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="notices-title" className="text-xl font-semibold">
              通知公告
            </h2>
            <Link href="/notices" className="text-sm text-primary hover:underline">
              更多公告
            </Link>
          </div>
          <div className="mt-4 rounded-lg border bg-card shadow-xs">
            <NoticeList notices={notices} />
          </div>
        </section>

        <section id="guide" aria-labelledby="guide-title">
          <h2 id="guide-title" className="text-xl font-semibold">
            操作指南
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            信息采集流程：注册 → 登录 → 阅读须知 → 填写信息 → 提交
          </p>
          <ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {GUIDE.map((step, i) => (
              <li
                key={step.title}
                className="flex gap-3 rounded-lg border bg-card p-4 shadow-xs lg:flex-col"
              >
                <span
                  aria-hidden="true"
                  className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-semibold text-primary-foreground"
                >
                  {i + 1}
                </span>
                <span>
                  <span className="block font-semibold">
                    <span className="sr-only">第 {i + 1} 步：</span>
                    {step.title}
                  </span>
                  <span className="mt-1 block text-sm leading-relaxed text-muted-foreground">
                    {step.text}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      </PageContainer>
    </>
  );
}
