import { afterEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.fn();
vi.mock("next/cache", () => ({
  revalidateTag,
  unstable_cache: <F>(fn: F) => fn,
}));

const { POST } = await import("./route");
const { CONTENT_BLOCKS_TAG, NOTICES_TAG } = await import("@/lib/cache/published");

describe("POST /api/test/revalidate-published", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    revalidateTag.mockClear();
  });

  it("is a 404 that revalidates nothing without KUAIJI_ALLOW_TEST_SWITCHES=1", () => {
    vi.stubEnv("KUAIJI_ALLOW_TEST_SWITCHES", "");
    expect(POST().status).toBe(404);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("expires the notices and content blocks at once, as a publish action will", () => {
    vi.stubEnv("KUAIJI_ALLOW_TEST_SWITCHES", "1");
    expect(POST().status).toBe(204);
    expect(revalidateTag).toHaveBeenCalledWith(NOTICES_TAG, { expire: 0 });
    expect(revalidateTag).toHaveBeenCalledWith(CONTENT_BLOCKS_TAG, { expire: 0 });
  });
});
