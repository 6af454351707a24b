"use client";

import { useRouter } from "next/navigation";
import { TextEditorForm } from "@/components/console/text-editor-form";
import { TextareaField } from "@/components/form/textarea-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
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
    <TextEditorForm
      form={form}
      onSubmit={onSubmit}
      pending={pending}
      titleMax={MAX_CONTENT_TITLE}
      body={
        <TextareaField
          form={form}
          name="body"
          label="正文"
          hint="每行为一段，不支持格式。"
          rows={16}
          maxLength={MAX_CONTENT_BODY + 100}
        />
      }
      previewLabel="信息采集“阅读须知”显示效果"
      preview={
        <div className="rounded-md border bg-muted/30 p-4 text-sm leading-relaxed">
          <h3 className="mb-3 text-base font-semibold">{form.values.title}</h3>
          {contentParagraphs(form.values.body).map((p, i) => (
            <p key={i} className="mb-2">
              {p}
            </p>
          ))}
        </div>
      }
    />
  );
}
