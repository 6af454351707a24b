import Link from "next/link";
import type { ReactNode } from "react";
import { FactList } from "@/components/console/fact-list";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

// The frame every console review page (学分申报, 账号申诉, 调出申请, 调入申请) shares: its heading
// with the record's state, the way back to the list, the facts and — while the record waits —
// the 审核 card with the page's own decision form.

export function ReviewDetailHead({
  title,
  stateLabel,
  badge,
  listHref,
}: {
  title: string;
  stateLabel: string;
  badge: BadgeProps["variant"];
  listHref: string;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <Badge variant={badge}>{stateLabel}</Badge>
      </div>
      <Link className="text-sm text-primary underline" href={listHref}>
        返回列表
      </Link>
    </>
  );
}

export function FactCard({
  title,
  titleClassName,
  facts,
}: {
  title: string;
  titleClassName?: string;
  facts: readonly { label: string; value: string }[];
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className={titleClassName}>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <FactList facts={facts} />
      </CardContent>
    </Card>
  );
}

/** Shown only while the record waits for a decision: the page renders it conditionally. */
export function DecisionCard({ children }: { children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>审核</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
