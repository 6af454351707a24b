"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { TextEditorForm } from "@/components/console/text-editor-form";
import { TextareaField } from "@/components/form/textarea-field";
import { useForm } from "@/components/form/use-form";
import { useFormSubmit } from "@/components/form/use-form-submit";
import { NoticeBody } from "@/components/notice/notice-body";
import { Button } from "@/components/ui/button";
import {
  MAX_NOTICE_BODY,
  MAX_NOTICE_TITLE,
  noticeFormSchema,
  type NoticeFormValues,
} from "@/lib/notice/notice-schema";
import { previewNoticeAction, saveNoticeAction } from "./actions";
import { applyMarkup, linkAddressOk, type MarkupKind } from "./notice-markup";

const EMPTY: NoticeFormValues = { title: "", body: "" };
const NEW_KEY = "kuaiji:console:notice:new";
const PERSIST: (keyof NoticeFormValues)[] = ["title", "body"];

const TOOLS: { kind: MarkupKind; label: string; text: string }[] = [
  { kind: "bold", label: "加粗", text: "B" },
  { kind: "heading", label: "小标题", text: "标题" },
  { kind: "list", label: "项目列表", text: "• 列表" },
  { kind: "ordered", label: "编号列表", text: "1. 列表" },
  { kind: "link", label: "链接", text: "链接" },
];

/**
 * 标题 and 正文 of a notice: the body is text — a blank line starts a new paragraph — with a few
 * tags the toolbar inserts; the preview beside it is the server's sanitised HTML, exactly what
 * the portal will show. A new notice's unsaved text survives a reload (sessionStorage).
 */
export function NoticeEditor({
  id,
  initial,
  initialHtml = "",
}: {
  id?: string;
  initial?: NoticeFormValues;
  initialHtml?: string;
}) {
  const router = useRouter();
  const storageKey = id ? undefined : NEW_KEY;
  const form = useForm<NoticeFormValues>(noticeFormSchema, initial ?? EMPTY, {
    storageKey,
    persist: PERSIST,
  });
  const { pending, onSubmit } = useFormSubmit(
    form,
    (values) => saveNoticeAction({ ...values, id }),
    (saved) => {
      form.clearStorage();
      router.push(`/console/notices/${saved.id}?done=saved`);
      router.refresh();
    },
  );
  const textarea = useRef<HTMLTextAreaElement>(null);
  const preview = usePreview(form.values.body, initialHtml);

  function mark(kind: MarkupKind) {
    const el = textarea.current;
    if (!el) return;
    let href = "";
    if (kind === "link") {
      href = (
        window.prompt("链接地址（以 https://、http:// 或 mailto: 开头）", "https://") ?? ""
      ).trim();
      if (!href) return;
      if (!linkAddressOk(href)) {
        window.alert("链接地址应以 https://、http:// 或 mailto: 开头，且不含空格和引号");
        return;
      }
    }
    const r = applyMarkup(el.value, el.selectionStart, el.selectionEnd, kind, href);
    form.setValue("body", r.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(r.start, r.end);
    });
  }

  return (
    <TextEditorForm
      form={form}
      onSubmit={onSubmit}
      pending={pending}
      titleMax={MAX_NOTICE_TITLE}
      body={
        <TextareaField
          form={form}
          name="body"
          label="正文"
          hint="空一行另起一段。可用工具栏加粗、加小标题、列表和链接；不支持图片和颜色。"
          before={
            <div
              role="toolbar"
              aria-label="正文格式"
              aria-controls="body"
              className="flex flex-wrap gap-1"
            >
              {TOOLS.map((t) => (
                <Button
                  key={t.kind}
                  type="button"
                  size="sm"
                  variant="outline"
                  aria-label={t.label}
                  title={t.label}
                  onClick={() => mark(t.kind)}
                  className={t.kind === "bold" ? "font-bold" : undefined}
                >
                  {t.text}
                </Button>
              ))}
            </div>
          }
          textareaRef={textarea}
          rows={16}
          maxLength={MAX_NOTICE_BODY + 100}
          className="font-mono text-sm"
        />
      }
      previewLabel="门户网站显示效果"
      preview={
        <div aria-live="polite" className="min-h-40 rounded-md border bg-card p-4">
          {preview ? (
            <NoticeBody html={preview} />
          ) : (
            <p className="text-sm text-muted-foreground">输入正文后在此预览。</p>
          )}
        </div>
      }
    />
  );
}

/** The body as the server sanitises it, fetched a moment after typing stops. */
function usePreview(body: string, initialHtml: string): string {
  const [html, setHtml] = useState(initialHtml);
  const shown = useRef(body);
  useEffect(() => {
    if (shown.current === body) return;
    // An answer for text typed over since is dropped: the newer one is on its way.
    let current = true;
    const timer = window.setTimeout(async () => {
      const r = await previewNoticeAction({ body });
      if (!current) return;
      shown.current = body;
      if (r.ok) setHtml(r.data.html);
    }, 400);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [body]);
  return html;
}
