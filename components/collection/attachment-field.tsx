"use client";

import * as React from "react";
import { useLocale } from "next-intl";
import { ImageIcon } from "lucide-react";
import { useSourceText } from "@/components/i18n/use-source-text";
import { requestLogin, useSessionRenewed } from "@/components/session/session-events";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import type { UploadKind } from "@/lib/upload/kinds";
import { cn } from "@/lib/utils/cn";
import type { CropResult, CropSource } from "./headshot-cropper";
import { CANCELLED_MESSAGE, precheckImage, readHead, uploadAttachment } from "./upload-attachment";

// The cropper (a dialog, its focus trap and scroll lock) is needed only once a headshot was
// chosen: not part of the page's first load, but fetched when the person goes to choose one.
// React.lazy rather than next/dynamic: it is never server-rendered, and next/dynamic would bring
// its own loader (1.5 kB gzip) into the page.
const loadCropper = () => import("./headshot-cropper");
const HeadshotCropper = React.lazy(() =>
  loadCropper().then((m) => ({ default: m.HeadshotCropper })),
);

export const HEADSHOT_HINT = "近期免冠正面证件照，上传后可拖动、缩放裁剪为一寸照片比例（5:7）";
export const UNDECODABLE_MESSAGE = "无法读取该图片，请选择JPG或PNG格式的照片";
export const UPLOAD_AFTER_LOGIN_MESSAGE = "登录已失效，请重新登录，登录后将继续上传该图片";

export interface AttachmentFieldProps {
  /** The file input's id; the error is `${id}-error`, the hint `${id}-hint`. */
  id: string;
  label: string;
  kind: UploadKind;
  /** The current attachment id, or undefined when none. */
  value: string | undefined;
  onChange: (attachmentId: string | undefined) => void;
  /** The form's error for this field. A failed upload's own message replaces it until the next try. */
  error?: string;
  required?: boolean;
  /** Defaults to HEADSHOT_HINT for a headshot. */
  hint?: string;
}

/**
 * One image of the 信息采集 wizard: thumbnail, 上传 / 重新上传, 删除. The file is checked in the
 * browser first (format by its bytes, size), a headshot is cropped to 5:7, then it is uploaded
 * with a progress bar and the field's value becomes the new attachment id. A failed upload
 * keeps the previous value. Its words and messages are Chinese, shown in the reader's language
 * through the domain's catalogue (continuing education and 调转 share it: see
 * components/form/nested-fields.tsx); `label` and `hint` too.
 */
export function AttachmentField({
  id,
  kind,
  value,
  onChange,
  error,
  required,
  label: chineseLabel,
  hint: chineseHint = kind === "headshot" ? HEADSHOT_HINT : undefined,
}: AttachmentFieldProps) {
  const text = useSourceText();
  const label = text(chineseLabel);
  const hint = chineseHint && text(chineseHint);
  // The buttons are named "上传本人免冠证件照" in Chinese, "Upload Your ID photo" in English.
  const spaced = useLocale() === "en";
  const named = <span className="sr-only">{spaced ? ` ${label}` : label}</span>;
  const inputRef = React.useRef<HTMLInputElement>(null);
  const uploadRef = React.useRef<AbortController | null>(null);
  const [progress, setProgress] = React.useState<number | null>(null);
  const [localError, setLocalError] = React.useState<string>();
  const [crop, setCrop] = React.useState<CropSource | null>(null);
  // The id whose image failed to load (deleted by the sweep, or the login expired).
  const [brokenId, setBrokenId] = React.useState<string>();
  // Logged in again in place: an image the ended login could not show is loaded again.
  const showAgain = React.useCallback(() => setBrokenId(undefined), []);
  useSessionRenewed(showAgain);

  React.useEffect(() => () => uploadRef.current?.abort(), []);
  // The decoded photo holds memory until the dialog closes; release it on unmount too.
  React.useEffect(
    () => () => {
      if (crop) {
        crop.bitmap.close();
        URL.revokeObjectURL(crop.url);
      }
    },
    [crop],
  );

  const uploading = progress !== null;
  const broken = value !== undefined && brokenId === value;
  const shownError = localError ? <span role="alert">{text(localError)}</span> : error;
  const aria = fieldAria(id, shownError, { hint: Boolean(hint), required });
  const percent = Math.round((progress ?? 0) * 100);

  async function upload(body: Blob) {
    uploadRef.current?.abort();
    const controller = new AbortController();
    uploadRef.current = controller;
    setProgress(0);
    const r = await uploadAttachment(body, kind, setProgress, controller.signal);
    if (uploadRef.current !== controller) return; // superseded or unmounted
    uploadRef.current = null;
    setProgress(null);
    if (r.ok) onChange(r.attachmentId);
    else if (r.sessionEnded) {
      // The photo chosen (and cropped) is not lost with the login: it goes once logged in again.
      setLocalError(UPLOAD_AFTER_LOGIN_MESSAGE);
      if (await requestLogin()) {
        setLocalError(undefined);
        await upload(body);
      }
    } else if (r.message !== CANCELLED_MESSAGE) setLocalError(r.message);
  }

  async function onFile(file: File) {
    setLocalError(undefined);
    const refusal = precheckImage(await readHead(file), file.size);
    if (refusal) {
      setLocalError(refusal);
      return;
    }
    if (kind !== "headshot") {
      await upload(file);
      return;
    }
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch {
      setLocalError(UNDECODABLE_MESSAGE);
      return;
    }
    setCrop({ bitmap, url: URL.createObjectURL(file) });
  }

  function onCrop(result: CropResult) {
    setCrop(null);
    if (result.ok) void upload(result.blob);
    else setLocalError(result.message);
  }

  const thumbShape = kind === "headshot" ? "aspect-[5/7] w-[100px]" : "aspect-[4/3] w-[140px]";

  return (
    <FormField id={id} label={label} required={required} hint={hint} error={shownError}>
      <div className="flex flex-wrap items-start gap-3">
        {value && !broken ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private file behind login: next/image would cache it
          <img
            src={`/api/attachments/${encodeURIComponent(value)}`}
            alt={label}
            onError={() => setBrokenId(value)}
            className={cn("max-w-full rounded-md border bg-muted object-contain", thumbShape)}
          />
        ) : (
          <div
            className={cn(
              "flex max-w-full flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed text-xs text-muted-foreground",
              thumbShape,
            )}
          >
            <ImageIcon className="size-6" aria-hidden="true" />
            {text(value ? "图片无法显示" : "未上传")}
          </div>
        )}
        <div className="grid min-w-0 flex-1 gap-2">
          <input
            ref={inputRef}
            type="file"
            accept="image/jpeg,image/png"
            className="sr-only"
            tabIndex={-1}
            disabled={uploading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ""; // choosing the same file again must fire change again
              if (file) void onFile(file);
            }}
            {...aria}
          />
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={uploading}
              aria-describedby={aria["aria-describedby"]}
              onClick={() => {
                if (kind === "headshot") {
                  loadCropper().catch(() => {
                    // fetched again when the photo is shown
                  });
                }
                inputRef.current?.click();
              }}
            >
              {text(value ? "重新上传" : "上传")}
              {named}
            </Button>
            {value && !uploading && (
              <Button type="button" variant="ghost" size="sm" onClick={() => onChange(undefined)}>
                {text("删除")}
                {named}
              </Button>
            )}
            {uploading && (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => uploadRef.current?.abort()}
              >
                {text("取消上传")}
              </Button>
            )}
          </div>
          {uploading && (
            <div className="grid gap-1">
              <div
                role="progressbar"
                aria-label={text(`${label}上传进度`)}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                className="h-2 w-full max-w-[240px] overflow-hidden rounded-full bg-secondary ring-1 ring-border ring-inset"
              >
                <div
                  className="h-full bg-primary transition-[width]"
                  style={{ width: `${percent}%` }}
                />
              </div>
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {text(`正在上传 ${percent}%`)}
              </p>
            </div>
          )}
        </div>
      </div>
      {crop && (
        <React.Suspense fallback={null}>
          <HeadshotCropper source={crop} onCancel={() => setCrop(null)} onCrop={onCrop} />
        </React.Suspense>
      )}
    </FormField>
  );
}
