"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/form/form-error";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { noticePublishSchema, type NoticePublishValues } from "@/lib/notice/notice-schema";
import { publishNoticeAction } from "../actions";

/** 发布 a draft: at once, or at a Beijing time; asks first, as everybody will see it. */
export function PublishForm({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [when, setWhen] = useState<"now" | "later">("now");
  const form = useForm<NoticePublishValues>(noticePublishSchema, { id, at: "" });
  const { pending, onSubmit } = useFormSubmit(
    form,
    publishNoticeAction,
    () => router.push("/console/notices?done=published"),
    (r) => {
      if (r.code === "stale") router.refresh();
    },
  );
  const atError = form.errors.at;
  const confirmAndSubmit = (e: React.FormEvent) => {
    if (when === "later" && form.values.at === "") {
      e.preventDefault();
      form.setServerErrors({ at: "请选择发布时间" });
      return;
    }
    const at = when === "now" ? "现在" : `${form.values.at.replace("T", " ")}（北京时间）`;
    if (!window.confirm(`确定于${at}发布“${title}”吗？发布后所有人都可以在门户网站看到。`)) {
      e.preventDefault();
      return;
    }
    onSubmit(e);
  };
  return (
    <form noValidate onSubmit={confirmAndSubmit} className="space-y-3">
      <RadioGroup
        aria-label="发布时间"
        value={when}
        onValueChange={(v) => {
          setWhen(v === "later" ? "later" : "now");
          if (v !== "later") form.setValue("at", "");
        }}
        className="flex flex-wrap gap-x-6 gap-y-2"
      >
        <div className="flex items-center gap-2">
          <RadioGroupItem value="now" id="publish-now" />
          <Label htmlFor="publish-now">立即发布</Label>
        </div>
        <div className="flex items-center gap-2">
          <RadioGroupItem value="later" id="publish-later" />
          <Label htmlFor="publish-later">定时发布</Label>
        </div>
      </RadioGroup>
      {when === "later" && (
        <FormField id="at" label="发布时间（北京时间）" required error={atError}>
          <Input
            {...fieldAria("at", atError)}
            type="datetime-local"
            name="at"
            className="max-w-60"
            value={form.values.at}
            onChange={(e) => form.setValue("at", e.target.value)}
            onBlur={() => form.blur("at")}
          />
        </FormField>
      )}
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在发布…" : "发布"}
      </Button>
    </form>
  );
}
