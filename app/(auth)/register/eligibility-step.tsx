"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Label } from "@/components/ui/label";
import { type Answer, eligibility, needsCollection } from "./eligibility";

/** 第二步：选择信息采集对象 — two questions; "neither" ends here (无须进行信息采集). */
export function EligibilityStep({
  jurisdictionLabel,
  onEligible,
}: {
  jurisdictionLabel: string;
  onEligible: () => void;
}) {
  const [works, setWorks] = useState<Answer | "">("");
  const [holds, setHolds] = useState<Answer | "">("");
  const [error, setError] = useState<string>();
  const [notNeeded, setNotNeeded] = useState(false);

  function next() {
    const answers = eligibility(works, holds);
    if (!answers) {
      setError("请回答以上两个问题");
      return;
    }
    setError(undefined);
    if (needsCollection(answers)) onEligible();
    else setNotNeeded(true);
  }

  return (
    <Card>
      <CardContent className="space-y-6 pt-6">
        <p className="text-sm text-muted-foreground">请根据您的实际情况选择信息采集对象：</p>
        <Question
          id="works"
          label={`1. 是否在${jurisdictionLabel}从事会计工作？`}
          value={works}
          onChange={(v) => {
            setWorks(v);
            setNotNeeded(false);
          }}
        />
        <Question
          id="holds"
          label="2. 是否持有会计专业技术资格证书？"
          value={holds}
          onChange={(v) => {
            setHolds(v);
            setNotNeeded(false);
          }}
        />
        {error && <p className="text-sm text-destructive">{error}</p>}
        {notNeeded ? (
          <Alert>
            <AlertTitle>无须进行信息采集</AlertTitle>
            <AlertDescription>
              您既不在{jurisdictionLabel}
              从事会计工作，也未持有会计专业技术资格证书，无须进行会计人员信息采集。
              <Link href="/" className="ml-1 text-primary underline">
                返回首页
              </Link>
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="flex justify-end">
          <Button type="button" onClick={next}>
            下一步
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

function Question({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: Answer | "";
  onChange: (v: Answer) => void;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">{label}</legend>
      <RadioGroup
        value={value}
        onValueChange={(v) => onChange(v as Answer)}
        className="flex gap-6"
        aria-label={label}
      >
        {(["yes", "no"] as const).map((v) => (
          <div key={v} className="flex items-center gap-2">
            <RadioGroupItem value={v} id={`${id}-${v}`} />
            <Label htmlFor={`${id}-${v}`}>{v === "yes" ? "是" : "否"}</Label>
          </div>
        ))}
      </RadioGroup>
    </fieldset>
  );
}
