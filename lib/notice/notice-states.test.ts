import { describe, expect, it } from "vitest";
import { canApply, isPublic, nextStatus, noticeStateLabel } from "./notice-states";

const NOW = new Date("2026-12-04T02:00:00Z");
const HOUR = 3_600_000;

describe("notice transitions", () => {
  it("lets a draft be edited and published, not withdrawn", () => {
    expect(nextStatus("draft", "edit")).toBe("draft");
    expect(nextStatus("draft", "publish")).toBe("published");
    expect(nextStatus("draft", "withdraw")).toBeNull();
  });

  it("lets a published notice be edited and withdrawn, not published again", () => {
    expect(nextStatus("published", "edit")).toBe("published");
    expect(nextStatus("published", "withdraw")).toBe("withdrawn");
    expect(nextStatus("published", "publish")).toBeNull();
  });

  it("keeps a withdrawn notice as it was", () => {
    for (const op of ["edit", "publish", "withdraw"] as const) {
      expect(canApply("withdrawn", op)).toBe(false);
      expect(nextStatus("withdrawn", op)).toBeNull();
    }
  });

  it("refuses every op on an unknown status", () => {
    expect(canApply("archived", "edit")).toBe(false);
    expect(nextStatus("", "publish")).toBeNull();
  });
});

describe("what the portal shows", () => {
  const published = {
    status: "published",
    publishedAt: new Date(NOW.getTime() - HOUR),
    withdrawnAt: null,
  };

  it("shows a published notice whose time has come", () => {
    expect(isPublic(published, NOW)).toBe(true);
    expect(isPublic({ ...published, publishedAt: NOW }, NOW)).toBe(true);
    expect(noticeStateLabel(published, NOW)).toBe("已发布");
  });

  it("hides one scheduled ahead, a draft, a withdrawn one and one without a time", () => {
    const ahead = { ...published, publishedAt: new Date(NOW.getTime() + 1) };
    expect(isPublic(ahead, NOW)).toBe(false);
    expect(noticeStateLabel(ahead, NOW)).toBe("定时发布");
    expect(isPublic({ ...published, status: "draft" }, NOW)).toBe(false);
    expect(noticeStateLabel({ ...published, status: "draft" }, NOW)).toBe("草稿");
    const withdrawn = { ...published, status: "withdrawn", withdrawnAt: NOW };
    expect(isPublic(withdrawn, NOW)).toBe(false);
    expect(noticeStateLabel(withdrawn, NOW)).toBe("已撤回");
    expect(isPublic({ ...published, publishedAt: null }, NOW)).toBe(false);
    // A row marked published but carrying a withdrawal time is not shown either.
    expect(isPublic({ ...published, withdrawnAt: NOW }, NOW)).toBe(false);
  });
});
