import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readOutbox } from "@/lib/sms/outbox";
import { devOutboxPageEnabled } from "@/lib/sms/sender";
import { SMS_PURPOSE_LABELS } from "@/lib/sms/text";

// Development tool: lists what the outbox SMS driver "sent". Exists only while codes go to the
// outbox (never with a real gateway) and, in a production build, only with SMS_OUTBOX_PAGE=1
// — see devOutboxPageEnabled for why.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "短信发件箱（开发用）",
  robots: { index: false, follow: false },
};

// Seconds matter here: two codes sent a minute apart must be told apart.
const beijingTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export default async function DevSmsOutboxPage() {
  if (!devOutboxPageEnabled()) notFound();
  const entries = await readOutbox({ limit: 100 });

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-gray-900">短信发件箱（开发用）</h1>
        <Link
          href="/dev/sms"
          prefetch={false}
          className="text-sm text-blue-700 underline underline-offset-2 hover:text-blue-900"
        >
          刷新
        </Link>
      </div>
      <p className="mb-6 text-sm text-gray-600">
        当前未接入短信网关，验证码短信不会真正发出，而是记录在这里（最近 100 条，最新的在前）。
      </p>
      {entries.length === 0 ? (
        <p className="rounded border border-dashed border-gray-300 p-6 text-center text-gray-600">
          还没有短信。
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-gray-200">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">最近的短信</caption>
            <thead className="bg-gray-50 text-gray-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  时间（北京时间）
                </th>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  手机号
                </th>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  用途
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  内容
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => (
                <tr key={`${entry.at}-${i}`} className="border-t border-gray-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap text-gray-700 tabular-nums">
                    <time dateTime={entry.at}>{beijingTime.format(new Date(entry.at))}</time>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{entry.to}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {SMS_PURPOSE_LABELS[entry.purpose]}
                  </td>
                  <td className="px-3 py-2 break-all text-gray-900">{entry.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
