"use client";

import * as React from "react";
import { useSourceText } from "@/components/i18n/use-source-text";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  cropRect,
  type CropView,
  HEADSHOT_TOO_SMALL_MESSAGE,
  initialView,
  maxZoom,
  outputSize,
  panView,
  zoomView,
} from "./crop-math";

/** A decoded photo: the bitmap for the canvas, an object URL of the same file for the preview. */
export interface CropSource {
  bitmap: ImageBitmap;
  url: string;
}

export type CropResult = { ok: true; blob: Blob } | { ok: false; message: string };

const JPEG_QUALITY = 0.92;
const CANNOT_PROCESS = "浏览器无法处理该图片，请更换浏览器后重试";
/** Arrow keys move the photo by this many screen pixels (keyboard users cannot drag). */
const KEY_STEP = 10;

function renderCrop(source: CropSource, view: CropView): Promise<CropResult> {
  const image = { width: source.bitmap.width, height: source.bitmap.height };
  const rect = cropRect(image, view);
  const size = outputSize(rect);
  if (!size) return Promise.resolve({ ok: false, message: HEADSHOT_TOO_SMALL_MESSAGE });
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return Promise.resolve({ ok: false, message: CANNOT_PROCESS });
  // JPEG has no transparency: a transparent PNG becomes white paper, as on the server
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(
    source.bitmap,
    rect.x,
    rect.y,
    rect.width,
    rect.height,
    0,
    0,
    size.width,
    size.height,
  );
  return new Promise((resolve) => {
    canvas.toBlob(
      (blob) => resolve(blob ? { ok: true, blob } : { ok: false, message: CANNOT_PROCESS }),
      "image/jpeg",
      JPEG_QUALITY,
    );
  });
}

/**
 * 裁剪证件照: the photo behind a 5:7 frame; drag (mouse or finger) to move it, the 缩放 slider to
 * zoom. 确定 hands back a 5:7 JPEG (see crop-math.ts for the size) or the reason it cannot;
 * 取消 / ✕ / Esc close without change. Open while `source` is set. Its words are Chinese, shown
 * in the reader's language through the domain's catalogue, as its AttachmentField's are.
 */
export function HeadshotCropper({
  source,
  onCancel,
  onCrop,
}: {
  source: CropSource | null;
  onCancel: () => void;
  onCrop: (result: CropResult) => void;
}) {
  const text = useSourceText();
  return (
    <Dialog open={source !== null} onOpenChange={(open) => !open && onCancel()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{text("裁剪证件照")}</DialogTitle>
          <DialogDescription>
            {text("拖动照片调整位置，拖动滑块缩放，使头像位于框内。")}
          </DialogDescription>
        </DialogHeader>
        {/* keyed by the photo so every new photo starts centred at zoom 1 */}
        {source && (
          <CropArea key={source.url} source={source} onCancel={onCancel} onCrop={onCrop} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function CropArea({
  source,
  onCancel,
  onCrop,
}: {
  source: CropSource;
  onCancel: () => void;
  onCrop: (result: CropResult) => void;
}) {
  const text = useSourceText();
  const image = { width: source.bitmap.width, height: source.bitmap.height };
  const [view, setView] = React.useState<CropView>(() => initialView(image));
  const [busy, setBusy] = React.useState(false);
  const frameRef = React.useRef<HTMLDivElement>(null);
  const drag = React.useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const zoomId = React.useId();

  const rect = cropRect(image, view);
  const top = maxZoom(image);
  const frameWidth = () => frameRef.current?.clientWidth ?? 0;

  function onPointerDown(e: React.PointerEvent<HTMLDivElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
  }
  function onPointerMove(e: React.PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    drag.current = { ...d, x: e.clientX, y: e.clientY };
    setView((v) => panView(image, v, dx, dy, frameWidth()));
  }
  function endDrag(e: React.PointerEvent<HTMLDivElement>) {
    if (drag.current?.pointerId === e.pointerId) drag.current = null;
  }
  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, -KEY_STEP],
      ArrowDown: [0, KEY_STEP],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setView((v) => panView(image, v, move[0], move[1], frameWidth()));
  }

  async function confirm() {
    setBusy(true);
    try {
      onCrop(await renderCrop(source, view));
    } finally {
      setBusy(false);
    }
  }

  // The preview in percentages of the frame, so it needs no measuring and follows any width.
  const imageStyle: React.CSSProperties = {
    width: `${(image.width / rect.width) * 100}%`,
    height: `${(image.height / rect.height) * 100}%`,
    left: `${(-rect.x / rect.width) * 100}%`,
    top: `${(-rect.y / rect.height) * 100}%`,
  };

  return (
    <div className="grid gap-4">
      <div
        ref={frameRef}
        role="group"
        aria-label={text("裁剪区域，可拖动或用方向键移动照片")}
        tabIndex={0}
        className="relative mx-auto aspect-[5/7] w-full max-w-[240px] cursor-grab touch-none overflow-hidden rounded-md border bg-muted select-none focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onKeyDown={onKeyDown}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an asset */}
        <img
          src={source.url}
          alt={text("待裁剪的照片")}
          draggable={false}
          className="pointer-events-none absolute max-w-none"
          style={imageStyle}
        />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor={zoomId} className="text-sm font-medium">
          {text("缩放")}
        </label>
        <input
          id={zoomId}
          type="range"
          min={1}
          max={top}
          step={0.01}
          value={view.zoom}
          disabled={top <= 1}
          onChange={(e) => setView((v) => zoomView(image, v, Number(e.target.value)))}
          className="w-full accent-primary"
        />
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          {text("取消")}
        </Button>
        <Button type="button" onClick={confirm} disabled={busy}>
          {text("确定")}
        </Button>
      </DialogFooter>
    </div>
  );
}
