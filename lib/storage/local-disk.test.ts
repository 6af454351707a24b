import { mkdtemp, readdir, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { LocalDiskStorage, localStorageDir } from "./local-disk";
import { describeStorageContract } from "./storage.contract";

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "kuaiji-storage-"));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describeStorageContract("local disk", async () => new LocalDiskStorage(await freshDir()), {
  signedUrls: "none",
});

describe("LocalDiskStorage specifics", () => {
  it("stores under data/ and meta/ and leaves no temp files behind, even after a failed put", async () => {
    const root = await freshDir();
    const storage = new LocalDiskStorage(root);
    await storage.put("photos/2025/06/a.jpg", Buffer.from([1, 2]), { contentType: "image/jpeg" });
    await expect(
      storage.put("photos/2025/06/b.jpg", Readable.from([Buffer.alloc(3)]), {
        contentType: "image/jpeg",
        contentLength: 9,
      }),
    ).rejects.toThrow();
    expect(await readdir(path.join(root, "data/photos/2025/06"))).toEqual(["a.jpg"]);
    expect(await readdir(path.join(root, "meta/photos/2025/06"))).toEqual(["a.jpg.json"]);
    expect(await readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("writes people's files for the platform's user only (0600 files, 0700 directories)", async () => {
    const root = await freshDir();
    const storage = new LocalDiskStorage(root);
    const previous = process.umask(0o022);
    try {
      await storage.put("photos/p/a.jpg", Buffer.from([1]), { contentType: "image/jpeg" });
      await storage.put("photos/p/b.jpg", Readable.from([Buffer.from([2])]), {
        contentType: "image/jpeg",
        contentLength: 1,
      });
    } finally {
      process.umask(previous);
    }
    const mode = async (p: string) => (await stat(path.join(root, p))).mode & 0o777;
    for (const f of ["data/photos/p/a.jpg", "data/photos/p/b.jpg", "meta/photos/p/a.jpg.json"])
      expect(await mode(f), f).toBe(0o600);
    for (const d of ["data", "data/photos/p", "meta/photos/p", "tmp"])
      expect(await mode(d), d).toBe(0o700);
  });

  it("keeps a key and its sidecar apart (a key ending in .json cannot clash)", async () => {
    const storage = new LocalDiskStorage(await freshDir());
    await storage.put("x/a", Buffer.from("A"), { contentType: "text/plain" });
    await storage.put("x/a.json", Buffer.from("B"), { contentType: "application/json" });
    const a = await storage.get("x/a");
    expect(a?.contentType).toBe("text/plain");
    expect((await buffer(a!.body)).toString()).toBe("A");
  });

  it("treats a bare directory as no object", async () => {
    const storage = new LocalDiskStorage(await freshDir());
    await storage.put("dir/child", Buffer.from("c"), { contentType: "text/plain" });
    expect(await storage.get("dir")).toBeNull();
    expect(await storage.exists("dir")).toBe(false);
    await expect(storage.delete("dir")).resolves.toBeUndefined();
    expect(await storage.exists("dir/child")).toBe(true);
    // A key below an existing object is simply missing.
    expect(await storage.get("dir/child/deeper")).toBeNull();
  });

  it("falls back to application/octet-stream when a file was placed without its sidecar", async () => {
    const root = await freshDir();
    await mkdir(path.join(root, "data", "manual"), { recursive: true });
    await writeFile(path.join(root, "data", "manual", "f.bin"), "raw");
    const got = await new LocalDiskStorage(root).get("manual/f.bin");
    expect(got?.contentType).toBe("application/octet-stream");
    expect((await buffer(got!.body)).toString()).toBe("raw");
  });

  it("keeps streaming the old bytes when the object is deleted mid-read", async () => {
    const storage = new LocalDiskStorage(await freshDir());
    await storage.put("k/v", Buffer.from("still here"), { contentType: "text/plain" });
    const got = await storage.get("k/v");
    await storage.delete("k/v");
    expect((await buffer(got!.body)).toString()).toBe("still here");
  });

  it("uses KUAIJI_DATA_DIR, defaulting to .data", () => {
    expect(
      localStorageDir({ KUAIJI_DATA_DIR: "/srv/kuaiji" } as Record<
        string,
        string
      > as NodeJS.ProcessEnv),
    ).toBe("/srv/kuaiji/objects");
    expect(localStorageDir({} as Record<string, string> as NodeJS.ProcessEnv)).toBe(
      path.resolve(".data", "objects"),
    );
  });
});
