import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** For a feature that needs the archive first: says so, and leads to 信息采集. */
export function NotCollectedCard({ title, needsFor }: { title: string; needsFor: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h1>{title}</h1>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p>您尚未完成信息采集。信息采集完成后，才能{needsFor}。</p>
        <Button asChild>
          <Link href="/account/collection">前往信息采集</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
