import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";
import { LocalDiskStorage } from "./local-disk";
import { storageResponse } from "./serve";

let dir: string;
let storage: LocalDiskStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kuaiji-serve-"));
  storage = new LocalDiskStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("storageResponse", () => {
  it("streams the bytes with the stored type and safe headers", async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
    await storage.put("photos/p.jpg", bytes, { contentType: "image/jpeg" });
    const res = await storageResponse("photos/p.jpg", { storage });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-length")).toBe("5");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("answers 404 for a missing object", async () => {
    const res = await storageResponse("photos/none.jpg", { storage });
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe("文件不存在");
  });

  it("offers a download with a Chinese file name", async () => {
    await storage.put("docs/a.pdf", Buffer.from("%PDF"), { contentType: "application/pdf" });
    const res = await storageResponse("docs/a.pdf", {
      storage,
      download: true,
      filename: "调入材料.pdf",
    });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E8%B0%83%E5%85%A5%E6%9D%90%E6%96%99.pdf`,
    );
    await res.arrayBuffer();
  });

  it("never renders active content inline", async () => {
    await storage.put("x/evil.html", Buffer.from("<script>alert(1)</script>"), {
      contentType: "text/html",
    });
    await storage.put("x/evil.svg", Buffer.from("<svg/>"), { contentType: "image/svg+xml" });
    for (const key of ["x/evil.html", "x/evil.svg"]) {
      const res = await storageResponse(key, { storage });
      expect(res.headers.get("content-disposition")).toBe("attachment");
      await res.arrayBuffer();
    }
  });

  it("rejects an invalid key instead of serving it", async () => {
    await expect(storageResponse("../etc/passwd", { storage })).rejects.toThrow("非法的存储对象键");
  });
});

describe("contentDisposition", () => {
  it("neutralises quotes, separators and control characters", () => {
    expect(contentDisposition("inline")).toBe("inline");
    expect(contentDisposition("attachment", 'a"b/..\\c\r\nd.txt')).toBe(
      `attachment; filename="a_b_.._c__d.txt"; filename*=UTF-8''a%22b_.._c__d.txt`,
    );
    expect(contentDisposition("attachment", "  ")).toBe(
      `attachment; filename="file"; filename*=UTF-8''file`,
    );
  });
});
