import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/auth/current-session";
import { maskPhone } from "@/lib/phone/mobile";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "账户安全" };

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string }>;
}) {
  const person = await requireSession("/account/security");
  const { done } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">账户安全</h1>
      {done === "password" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          密码已修改。其他设备上的登录已全部退出。
        </p>
      )}
      {done === "phone" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          手机号码已更换。
        </p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>登录密码</CardTitle>
          <CardDescription>修改密码后，其他设备上的登录将自动退出。</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/account/security/password">修改密码</Link>
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>手机号码</CardTitle>
          <CardDescription>当前绑定：{maskPhone(person.phone)}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/account/security/phone">更换手机号</Link>
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
