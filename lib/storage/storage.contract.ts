/**
 * The behaviour every ObjectStorage driver must share. Each driver's test calls
 * `describeStorageContract` once: local disk in lib/storage/local-disk.test.ts, S3 against a
 * real s3rver in tests/integration/s3-storage.test.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidStorageKeyError } from "./key";
import type { ObjectStorage } from "./types";

export interface StorageContractOptions {
  /** "fetchable": signedUrl returns a URL that serves the bytes; "none": it returns null. */
  signedUrls: "fetchable" | "none";
  /**
   * s3rver, unlike S3, keeps whatever bytes arrived before the client aborted an upload, so a
   * stream that ends short leaves a truncated object behind there. The put still rejects.
   */
  serverKeepsAbortedUploads?: boolean;
}

export const MALICIOUS_KEYS = [
  "../x",
  "a/../../x",
  "/etc/passwd",
  "/absolute",
  "./a",
  "a/./b",
  "a//b",
  "a/",
  "",
  "..",
  "a\\..\\b",
  "C:\\windows\\x",
  "%2e%2e/x",
  "a\u0000b",
  "a\nb",
  "文件.txt",
  `${"a".repeat(129)}`,
];

export function describeStorageContract(
  name: string,
  makeStorage: () => ObjectStorage | Promise<ObjectStorage>,
  options: StorageContractOptions,
): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let storage: ObjectStorage;
    // Unique per run so a reused bucket or directory cannot make a test pass by accident.
    const prefix = `contract/${randomUUID()}`;
    const key = (leaf: string) => `${prefix}/${leaf}`;

    beforeAll(async () => {
      storage = await makeStorage();
    });

    async function read(
      k: string,
    ): Promise<{ bytes: Buffer; contentType: string; contentLength?: number } | null> {
      const object = await storage.get(k);
      if (!object) return null;
      return {
        bytes: await buffer(object.body),
        contentType: object.contentType,
        contentLength: object.contentLength,
      };
    }

    it("round-trips every byte value exactly and keeps the content type", async () => {
      const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
      await storage.put(key("all-bytes.bin"), bytes, { contentType: "application/octet-stream" });
      const got = await read(key("all-bytes.bin"));
      expect(got?.bytes.equals(bytes)).toBe(true);
      expect(got?.contentType).toBe("application/octet-stream");
      expect(got?.contentLength).toBe(512);
    });

    it("round-trips a ~1 MB buffer", async () => {
      const bytes = randomBytes(1024 * 1024 + 123);
      await storage.put(key("big.jpg"), bytes, { contentType: "image/jpeg" });
      const got = await read(key("big.jpg"));
      expect(got?.bytes.length).toBe(bytes.length);
      expect(got?.bytes.equals(bytes)).toBe(true);
      expect(got?.contentType).toBe("image/jpeg");
    });

    it("accepts a plain Uint8Array", async () => {
      const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
      await storage.put(key("u8.bin"), bytes, { contentType: "application/octet-stream" });
      expect((await read(key("u8.bin")))?.bytes.equals(Buffer.from(bytes))).toBe(true);
    });

    it("round-trips a stream with a declared length", async () => {
      const parts = [randomBytes(70_000), randomBytes(1), randomBytes(300_000)];
      const total = parts.reduce((n, p) => n + p.length, 0);
      await storage.put(key("stream.pdf"), Readable.from(parts), {
        contentType: "application/pdf",
        contentLength: total,
      });
      const got = await read(key("stream.pdf"));
      expect(got?.bytes.equals(Buffer.concat(parts))).toBe(true);
      expect(got?.contentType).toBe("application/pdf");
    });

    it("round-trips a stream of unknown length", async () => {
      const parts = [randomBytes(1000), randomBytes(65_537)];
      await storage.put(key("stream-unknown.bin"), Readable.from(parts), {
        contentType: "application/octet-stream",
      });
      expect((await read(key("stream-unknown.bin")))?.bytes.equals(Buffer.concat(parts))).toBe(
        true,
      );
    });

    it("keeps content type parameters", async () => {
      await storage.put(key("note.txt"), Buffer.from("会计人员", "utf8"), {
        contentType: "text/plain; charset=utf-8",
      });
      const got = await read(key("note.txt"));
      expect(got?.contentType).toBe("text/plain; charset=utf-8");
      expect(got?.bytes.toString("utf8")).toBe("会计人员");
    });

    it("replaces an object on a second put", async () => {
      await storage.put(key("replace"), Buffer.from("first"), { contentType: "text/plain" });
      await storage.put(key("replace"), Buffer.from("second!"), { contentType: "image/png" });
      const got = await read(key("replace"));
      expect(got?.bytes.toString()).toBe("second!");
      expect(got?.contentType).toBe("image/png");
    });

    it("returns null and false for a missing object", async () => {
      expect(await storage.get(key("missing"))).toBeNull();
      expect(await storage.exists(key("missing"))).toBe(false);
    });

    it("lists every key under a prefix, nested ones too, and no deleted or foreign key", async () => {
      const listed = async (p: string) => {
        const keys: string[] = [];
        for await (const k of storage.list(p)) keys.push(k);
        return keys.sort();
      };
      const keys = [key("list/a.jpg"), key("list/b/c.pdf"), key("list/b/d/e.bin")];
      for (const k of keys) await storage.put(k, Buffer.from(k), { contentType: "image/png" });
      await storage.put(key("list-gone"), Buffer.from("x"), { contentType: "image/png" });
      await storage.put(key("list/gone"), Buffer.from("x"), { contentType: "image/png" });
      await storage.delete(key("list/gone"));
      expect(await listed(key("list/"))).toEqual(keys);
      expect(await listed(`${prefix}-elsewhere/`)).toEqual([]);
      expect(await listed("")).toEqual(expect.arrayContaining([...keys, key("list-gone")]));
    });

    it("reports existence", async () => {
      await storage.put(key("exists.png"), Buffer.from([1]), { contentType: "image/png" });
      expect(await storage.exists(key("exists.png"))).toBe(true);
    });

    it("deletes, after which get is null and exists false", async () => {
      await storage.put(key("doomed.png"), Buffer.from([1, 2, 3]), { contentType: "image/png" });
      await storage.delete(key("doomed.png"));
      expect(await storage.get(key("doomed.png"))).toBeNull();
      expect(await storage.exists(key("doomed.png"))).toBe(false);
    });

    it("deleting a missing object is fine", async () => {
      await expect(storage.delete(key("never-there"))).resolves.toBeUndefined();
    });

    it("rejects a body shorter or longer than the declared length and stores nothing", async () => {
      await expect(
        storage.put(key("short.bin"), Readable.from([Buffer.alloc(10)]), {
          contentType: "application/octet-stream",
          contentLength: 20,
        }),
      ).rejects.toThrow();
      await expect(
        storage.put(key("long.bin"), Readable.from([Buffer.alloc(30)]), {
          contentType: "application/octet-stream",
          contentLength: 20,
        }),
      ).rejects.toThrow();
      await expect(
        storage.put(key("buf.bin"), Buffer.alloc(5), {
          contentType: "application/octet-stream",
          contentLength: 6,
        }),
      ).rejects.toThrow();
      const mustBeAbsent = options.serverKeepsAbortedUploads
        ? ["long.bin", "buf.bin"]
        : ["short.bin", "long.bin", "buf.bin"];
      for (const leaf of mustBeAbsent)
        expect([leaf, await storage.exists(key(leaf))]).toEqual([leaf, false]);
    });

    it("rejects a content type that could inject a header", async () => {
      await expect(
        storage.put(key("evil.txt"), Buffer.from("x"), { contentType: "text/plain\r\nX-Evil: 1" }),
      ).rejects.toThrow();
      await expect(
        storage.put(key("evil.txt"), Buffer.from("x"), { contentType: "" }),
      ).rejects.toThrow();
      expect(await storage.exists(key("evil.txt"))).toBe(false);
    });

    it.each(MALICIOUS_KEYS)("rejects the malicious key %j in every operation", async (bad) => {
      await expect(
        storage.put(bad, Buffer.from("x"), { contentType: "text/plain" }),
      ).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.exists(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.signedUrl(bad, { expiresInSeconds: 60 })).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
    });

    if (options.signedUrls === "fetchable") {
      it("signs a short-lived URL that serves the exact bytes", async () => {
        const bytes = randomBytes(4096);
        await storage.put(key("signed.jpg"), bytes, { contentType: "image/jpeg" });
        const url = await storage.signedUrl(key("signed.jpg"), { expiresInSeconds: 60 });
        expect(url).toEqual(expect.any(String));
        const res = await fetch(url as string);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/jpeg");
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      });

      it("signs a download URL with the requested file name", async () => {
        await storage.put(key("report.pdf"), Buffer.from("%PDF-1.4"), {
          contentType: "application/pdf",
        });
        const url = await storage.signedUrl(key("report.pdf"), {
          expiresInSeconds: 60,
          download: true,
          filename: "调入材料.pdf",
        });
        const res = await fetch(url as string);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-disposition")).toContain("attachment");
        expect(res.headers.get("content-disposition")).toContain(
          "filename*=UTF-8''%E8%B0%83%E5%85%A5%E6%9D%90%E6%96%99.pdf",
        );
        await res.arrayBuffer();
      });

      it("refuses long-lived signed URLs", async () => {
        await expect(
          storage.signedUrl(key("signed.jpg"), { expiresInSeconds: 7 * 24 * 3600 }),
        ).rejects.toThrow(RangeError);
      });
    } else {
      it("has no signed URLs (null)", async () => {
        await storage.put(key("unsigned.png"), Buffer.from([1]), { contentType: "image/png" });
        expect(await storage.signedUrl(key("unsigned.png"), { expiresInSeconds: 60 })).toBeNull();
      });
    }
  });
}
