import { describe, expect, it } from "vitest";
import { UPLOAD_KINDS } from "@/lib/upload/image-intake";
import {
  clampView,
  cropRect,
  HEADSHOT_ASPECT,
  HEADSHOT_MIN,
  HEADSHOT_OUTPUT,
  initialView,
  MAX_ZOOM,
  maxZoom,
  outputSize,
  panView,
  zoomView,
} from "./crop-math";

const landscape = { width: 1600, height: 1200 };
const portrait = { width: 1000, height: 2000 };

describe("the browser's copy of the server's headshot rule", () => {
  it("matches lib/upload's headshot kind", () => {
    const rule = UPLOAD_KINDS.headshot;
    expect(rule.aspect).toMatchObject(HEADSHOT_ASPECT);
    expect([rule.minShortEdge, rule.minLongEdge]).toEqual([
      HEADSHOT_MIN.width,
      HEADSHOT_MIN.height,
    ]);
    expect(rule.maxLongEdge).toBe(HEADSHOT_OUTPUT.height);
  });
});

describe("cropRect", () => {
  it("starts with the largest centred 5:7 window of a landscape photo", () => {
    const r = cropRect(landscape, initialView(landscape));
    expect(r.height).toBeCloseTo(1200);
    expect(r.width).toBeCloseTo((1200 * 5) / 7);
    expect(r.x).toBeCloseTo((1600 - r.width) / 2);
    expect(r.y).toBeCloseTo(0);
  });

  it("starts with the full width of a tall photo, centred vertically", () => {
    const r = cropRect(portrait, initialView(portrait));
    expect(r.width).toBeCloseTo(1000);
    expect(r.height).toBeCloseTo(1400);
    expect(r.y).toBeCloseTo(300);
  });

  it("is exactly 5:7 at any zoom", () => {
    for (const zoom of [1, 1.3, 2.7]) {
      const r = cropRect(landscape, { ...initialView(landscape), zoom });
      expect(r.width / r.height).toBeCloseTo(5 / 7, 10);
    }
  });

  it("halves the window at zoom 2 and keeps the centre", () => {
    const view = zoomView(landscape, initialView(landscape), 2);
    const r = cropRect(landscape, view);
    expect(r.height).toBeCloseTo(600);
    expect(r.x + r.width / 2).toBeCloseTo(800);
    expect(r.y + r.height / 2).toBeCloseTo(600);
  });
});

describe("clampView", () => {
  it("keeps the window inside the photo", () => {
    const r = cropRect(landscape, { zoom: 2, centerX: -500, centerY: 99_999 });
    expect(r.x).toBeCloseTo(0);
    expect(r.y + r.height).toBeCloseTo(1200);
  });

  it("keeps zoom between 1 and the maximum", () => {
    expect(clampView(landscape, { zoom: 0.2, centerX: 800, centerY: 600 }).zoom).toBe(1);
    expect(clampView(landscape, { zoom: Number.NaN, centerX: 800, centerY: 600 }).zoom).toBe(1);
    expect(clampView(landscape, { zoom: 99, centerX: 800, centerY: 600 }).zoom).toBe(
      maxZoom(landscape),
    );
  });
});

describe("maxZoom", () => {
  it("stops where the window would fall under 295 pixels wide", () => {
    const image = { width: 600, height: 840 };
    expect(maxZoom(image)).toBeCloseTo(600 / 295);
    const r = cropRect(image, { zoom: maxZoom(image), centerX: 300, centerY: 420 });
    expect(outputSize(r)).toEqual(HEADSHOT_MIN);
  });

  it("is capped for big photos and 1 for photos that are too small anyway", () => {
    expect(maxZoom({ width: 4000, height: 6000 })).toBe(MAX_ZOOM);
    expect(maxZoom({ width: 200, height: 280 })).toBe(1);
  });
});

describe("panView", () => {
  it("moves the window against the drag, scaled from screen to photo pixels", () => {
    const view = zoomView(landscape, initialView(landscape), 2);
    const before = cropRect(landscape, view);
    // frame 250 px wide shows before.width photo pixels
    const moved = cropRect(landscape, panView(landscape, view, 50, -25, 250));
    const scale = before.width / 250;
    expect(moved.x).toBeCloseTo(before.x - 50 * scale);
    expect(moved.y).toBeCloseTo(before.y + 25 * scale);
  });

  it("cannot drag the window off the photo", () => {
    const r = cropRect(landscape, panView(landscape, initialView(landscape), 0, 10_000, 250));
    expect(r.y).toBeCloseTo(0);
    const far = cropRect(landscape, panView(landscape, initialView(landscape), -10_000, 0, 250));
    expect(far.x + far.width).toBeCloseTo(1600);
  });
});

describe("outputSize", () => {
  it("is 590 × 826 for a window at least that big", () => {
    expect(outputSize({ width: 590, height: 826 })).toEqual(HEADSHOT_OUTPUT);
    expect(outputSize({ width: 857.142857, height: 1200 })).toEqual(HEADSHOT_OUTPUT);
  });

  it("is the window's own size, exactly 5:7, between the minimum and the maximum", () => {
    expect(outputSize({ width: 400, height: 560 })).toEqual({ width: 400, height: 560 });
    expect(outputSize({ width: 403.7, height: 565.18 })).toEqual({ width: 400, height: 560 });
    expect(outputSize({ width: 295, height: 413 })).toEqual(HEADSHOT_MIN);
  });

  it("refuses a window under 295 × 413", () => {
    expect(outputSize({ width: 294.9, height: 412.86 })).toBeNull();
    expect(outputSize({ width: 200, height: 280 })).toBeNull();
  });
});
