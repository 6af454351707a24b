/**
 * The headshot crop (issue 3): a 5:7 window over the chosen photo, moved by dragging and sized
 * by zoom. Everything is in the photo's own pixels, so the preview (percentages of the frame)
 * and the canvas export (drawImage's source rectangle) use the same numbers.
 *
 * The server (lib/upload/image-intake.ts, UPLOAD_KINDS.headshot) requires 5:7 within 2 % and at
 * least 295 × 413, and stores at most 590 × 826; crop-math.test.ts checks these copies against
 * it (that module loads sharp, so the browser cannot import it).
 */

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** Zoom 1 shows the largest 5:7 window that fits the photo; the centre is in photo pixels. */
export interface CropView {
  zoom: number;
  centerX: number;
  centerY: number;
}

export const HEADSHOT_ASPECT = { width: 5, height: 7 } as const;
export const HEADSHOT_MIN: Size = { width: 295, height: 413 };
export const HEADSHOT_OUTPUT: Size = { width: 590, height: 826 };
/** Beyond 4× a phone photo of a face is only blur. */
export const MAX_ZOOM = 4;
export const HEADSHOT_TOO_SMALL_MESSAGE = "照片分辨率过低，请选择更清晰的照片（至少295×413像素）";

/** Width of the largest 5:7 window inside the photo (zoom 1). */
function coverWidth(image: Size): number {
  return Math.min(image.width, (image.height * HEADSHOT_ASPECT.width) / HEADSHOT_ASPECT.height);
}

/**
 * The zoom slider's upper end: never so far that the window falls under the minimum size —
 * unless the photo itself is too small, when zoom stays at 1 and 确定 refuses it.
 */
export function maxZoom(image: Size): number {
  return Math.max(1, Math.min(MAX_ZOOM, coverWidth(image) / HEADSHOT_MIN.width));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

export function initialView(image: Size): CropView {
  return { zoom: 1, centerX: image.width / 2, centerY: image.height / 2 };
}

/** The view with zoom in range and the window wholly inside the photo. */
export function clampView(image: Size, view: CropView): CropView {
  const zoom = clamp(Number.isFinite(view.zoom) ? view.zoom : 1, 1, maxZoom(image));
  const width = coverWidth(image) / zoom;
  const height = (width * HEADSHOT_ASPECT.height) / HEADSHOT_ASPECT.width;
  return {
    zoom,
    centerX: clamp(view.centerX, width / 2, image.width - width / 2),
    centerY: clamp(view.centerY, height / 2, image.height - height / 2),
  };
}

/** The part of the photo that becomes the headshot. */
export function cropRect(image: Size, view: CropView): Rect {
  const v = clampView(image, view);
  const width = coverWidth(image) / v.zoom;
  const height = (width * HEADSHOT_ASPECT.height) / HEADSHOT_ASPECT.width;
  return { x: v.centerX - width / 2, y: v.centerY - height / 2, width, height };
}

/**
 * Dragging by (dx, dy) screen pixels over a frame `frameWidth` pixels wide: the photo follows
 * the finger, so the window moves the opposite way, scaled from screen to photo pixels.
 */
export function panView(
  image: Size,
  view: CropView,
  dx: number,
  dy: number,
  frameWidth: number,
): CropView {
  if (frameWidth <= 0) return clampView(image, view);
  const scale = cropRect(image, view).width / frameWidth;
  return clampView(image, {
    ...view,
    centerX: view.centerX - dx * scale,
    centerY: view.centerY - dy * scale,
  });
}

/** Zooms about the window's centre. */
export function zoomView(image: Size, view: CropView, zoom: number): CropView {
  return clampView(image, { ...view, zoom });
}

/**
 * The canvas size for a crop: 590 × 826 when the window covers at least that many photo
 * pixels, otherwise the window's own size rounded down to an exact multiple of 5:7 (never
 * upscaled: it would add bytes, not detail). Null when under 295 × 413.
 */
export function outputSize(rect: Size): Size | null {
  // the epsilon absorbs float error in a window that is exactly a multiple wide
  const unit = Math.min(
    Math.floor(rect.width / HEADSHOT_ASPECT.width + 1e-6),
    Math.floor(rect.height / HEADSHOT_ASPECT.height + 1e-6),
    HEADSHOT_OUTPUT.width / HEADSHOT_ASPECT.width,
  );
  if (unit * HEADSHOT_ASPECT.width < HEADSHOT_MIN.width) return null;
  return { width: unit * HEADSHOT_ASPECT.width, height: unit * HEADSHOT_ASPECT.height };
}
