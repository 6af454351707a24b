"use client";

import type { FormEvent, ReactNode } from "react";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import type { FormApi } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";

/**
 * The layout of a text staff publish (通知公告, 采集须知): 标题, then the body's field beside
 * its preview (below it on a phone), the form's error and 保存.
 */
export function TextEditorForm({
  form,
  onSubmit,
  pending,
  titleMax,
  body,
  previewLabel,
  preview,
}: {
  form: FormApi<{ title: string; body: string }>;
  onSubmit: (e: FormEvent) => void;
  pending: boolean;
  titleMax: number;
  /** the body's field */
  body: ReactNode;
  /** names the preview: where the text will appear */
  previewLabel: string;
  preview: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField form={form} name="title" label="标题" maxLength={titleMax + 10} />
      <div className="grid gap-4 lg:grid-cols-2">
        {body}
        <section aria-labelledby="text-preview" className="min-w-0 space-y-2">
          <h2 id="text-preview" className="text-sm font-medium">
            预览（{previewLabel}）
          </h2>
          {preview}
        </section>
      </div>
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存"}
      </Button>
    </form>
  );
}
