import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/auth/current-session";
import { documentTypeLabel, isDocumentTypeCode } from "@/lib/identity/document-types";
import { maskPhone } from "@/lib/phone/mobile";
import { regionName } from "@/lib/region/divisions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "个人中心" };

export default async function AccountHomePage() {
  const person = await requireSession("/account");
  const rows: [string, string][] = [
    ["姓名", person.name],
    [
      "证件类型",
      isDocumentTypeCode(person.idType) ? documentTypeLabel(person.idType) : person.idType,
    ],
    ["证件号码", person.idNumberMasked],
    ["手机号码", maskPhone(person.phone)],
    ["所属地区", regionName(person.regionCode) ?? person.regionCode],
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">个人中心</h1>
      <Card>
        <CardHeader>
          <CardTitle>账户信息</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>账户安全</CardTitle>
          <CardDescription>修改登录密码、更换绑定的手机号码。</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/account/security" className="text-primary underline">
            前往账户安全
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
