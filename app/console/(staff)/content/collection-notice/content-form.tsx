"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/form/form-error";
import { TextField } from "@/components/form/text-field";
import { TextareaField } from "@/components/form/textarea-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { Button } from "@/components/ui/button";
import { contentParagraphs } from "@/lib/content/content-blocks";
import {
  type ContentBlockValues,
  contentBlockSchema,
  MAX_CONTENT_BODY,
  MAX_CONTENT_TITLE,
} from "@/lib/content/content-schema";
import { saveCollectionNoticeAction } from "./actions";

/**
 * 采集须知's title and text, with the preview as the wizard shows it: plain text, one paragraph
 * per line (React escapes it: no markup is ever interpreted).
 */
export function CollectionNoticeForm({ initial }: { initial: ContentBlockValues }) {
  const router = useRouter();
  const form = useForm<ContentBlockValues>(contentBlockSchema, initial);
  const { pending, onSubmit } = useFormSubmit(form, saveCollectionNoticeAction, () => {
    router.push("/console/content/collection-notice?done=saved");
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField form={form} name="title" label="标题" maxLength={MAX_CONTENT_TITLE + 10} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TextareaField
          form={form}
          name="body"
          label="正文"
          hint="每行为一段，不支持格式。"
          rows={16}
          maxLength={MAX_CONTENT_BODY + 100}
        />
        <section aria-labelledby="content-preview" className="min-w-0 space-y-2">
          <h2 id="content-preview" className="text-sm font-medium">
            预览（信息采集“阅读须知”显示效果）
          </h2>
          <div className="rounded-md border bg-muted/30 p-4 text-sm leading-relaxed">
            <h3 className="mb-3 text-base font-semibold">{form.values.title}</h3>
            {contentParagraphs(form.values.body).map((p, i) => (
              <p key={i} className="mb-2">
                {p}
              </p>
            ))}
          </div>
        </section>
      </div>
      <FormError message={form.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存"}
      </Button>
    </form>
  );
}
